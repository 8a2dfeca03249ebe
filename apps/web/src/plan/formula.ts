// The input variables of an indicator's formula ("imprese_rasl / imprese_attive * 100" → two inputs).

const FUNCTIONS = new Set(['min', 'max', 'abs', 'round', 'floor', 'ceil', 'sqrt', 'if', 'and', 'or', 'not']);

/** The variable names a formula reads, in order of first appearance. */
export function formulaVariables(formula: string | null | undefined): string[] {
  if (!formula) return [];
  const names: string[] = [];
  for (const match of formula.matchAll(/[A-Za-z_][A-Za-z0-9_.]*/g)) {
    const name = match[0];
    const next = formula.slice((match.index ?? 0) + name.length).trimStart();
    if (FUNCTIONS.has(name.toLowerCase()) && next.startsWith('(')) continue;
    if (!names.includes(name)) names.push(name);
  }
  return names;
}
