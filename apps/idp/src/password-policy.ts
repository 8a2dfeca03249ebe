// Keycloak's password policy string ("length(12) and notUsername(undefined) and …"), applied when a person sets
// a password from an invitation link. Only the policies below are understood; any other in the realm file is
// refused at start-up rather than silently not enforced.

export type PasswordPolicy = ReadonlyMap<string, string>;

const KNOWN = new Set(['length', 'maxLength', 'notUsername', 'notEmail', 'passwordHistory', 'digits', 'lowerCase', 'upperCase', 'specialChars']);

export function parsePasswordPolicy(text: string | undefined): PasswordPolicy {
  const policy = new Map<string, string>();
  if (!text?.trim()) return policy;
  for (const part of text.split(/\s+and\s+/)) {
    const match = /^([A-Za-z]+)(?:\((.*)\))?$/.exec(part.trim());
    if (!match || !KNOWN.has(match[1]!)) throw new Error(`password policy "${part}" is not emulated`);
    policy.set(match[1]!, match[2] ?? '');
  }
  return policy;
}

const count = (value: string | undefined, fallback: number) => {
  const n = Number(value);
  return Number.isInteger(n) && n > 0 ? n : fallback;
};

/** The first rule the password breaks, in Italian (as Keycloak's Italian theme says it), or null. */
export function checkPasswordPolicy(
  policy: PasswordPolicy,
  password: string,
  user: { username: string; email?: string | undefined },
  previous: readonly string[] = [],
): string | null {
  const length = policy.get('length');
  if (length !== undefined && [...password].length < count(length, 8)) return `La password deve contenere almeno ${count(length, 8)} caratteri.`;
  const max = policy.get('maxLength');
  if (max !== undefined && [...password].length > count(max, 64)) return `La password non può superare ${count(max, 64)} caratteri.`;
  if (policy.has('notUsername') && password.toLowerCase() === user.username.toLowerCase()) return 'La password non può essere uguale al nome utente.';
  if (policy.has('notEmail') && user.email && password.toLowerCase() === user.email.toLowerCase()) return 'La password non può essere uguale all\u2019indirizzo e-mail.';
  const rules: [string, RegExp, string][] = [
    ['digits', /\p{Nd}/gu, 'cifre'],
    ['lowerCase', /\p{Ll}/gu, 'lettere minuscole'],
    ['upperCase', /\p{Lu}/gu, 'lettere maiuscole'],
    ['specialChars', /[^\p{L}\p{N}]/gu, 'caratteri speciali'],
  ];
  for (const [name, pattern, what] of rules) {
    if (!policy.has(name)) continue;
    const needed = count(policy.get(name), 1);
    if ((password.match(pattern) ?? []).length < needed) return `La password deve contenere almeno ${needed} ${what}.`;
  }
  const history = policy.get('passwordHistory');
  if (history !== undefined && previous.slice(-count(history, 3)).includes(password)) {
    return `La password non può essere una delle ultime ${count(history, 3)} utilizzate.`;
  }
  return null;
}
