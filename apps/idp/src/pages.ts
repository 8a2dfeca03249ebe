// The few pages a person sees on the identity provider, in Italian like the rest of Albero. Plain HTML forms
// that work without JavaScript, with labels and an announced error, so they are usable with a screen reader.

export function escapeHtml(value: string): string {
  return value.replace(/[&<>"']/g, (c) => `&#${c.charCodeAt(0)};`);
}

function layout(title: string, body: string, extraHead = ''): string {
  return `<!doctype html>
<html lang="it">
<head>
<meta charset="utf-8">
<meta name="viewport" content="width=device-width, initial-scale=1">
<title>${escapeHtml(title)}</title>
<style>
  body { font-family: "Titillium Web", system-ui, sans-serif; background: #f5f5f0; color: #17324d; margin: 0; }
  main { max-width: 24rem; margin: 4rem auto; background: #fff; padding: 2rem; border-radius: 4px; box-shadow: 0 1px 3px #0002; }
  h1 { font-size: 1.5rem; margin-top: 0; }
  label { display: block; font-weight: 600; margin-top: 1rem; }
  input { display: block; width: 100%; box-sizing: border-box; padding: .5rem; font-size: 1rem; margin-top: .25rem; border: 1px solid #5c6f82; }
  input:focus, button:focus { outline: 3px solid #f90; outline-offset: 1px; }
  button { margin-top: 1.5rem; width: 100%; padding: .75rem; font-size: 1rem; font-weight: 600; color: #fff; background: #06c; border: 0; cursor: pointer; }
  .error { color: #a0001b; background: #fde8eb; padding: .75rem; border-left: 4px solid #d9364f; }
</style>
${extraHead}</head>
<body>
<main>
${body}
</main>
</body>
</html>
`;
}

export const LOGIN_ERROR = 'Nome utente o password non validi.';

/** The username/password form of the authorization code flow; `action` posts back to the same interaction. */
export function loginPage({ action, username = '', error }: { action: string; username?: string; error?: string }): string {
  const invalid = error ? ' aria-invalid="true" aria-describedby="login-error"' : '';
  return layout(
    'Accedi ad Albero',
    `<h1>Accedi ad Albero</h1>
${error ? `<p id="login-error" class="error" role="alert">${escapeHtml(error)}</p>\n` : ''}<form method="post" action="${escapeHtml(action)}" novalidate>
  <label for="username">Nome utente</label>
  <input id="username" name="username" type="text" autocomplete="username" autocapitalize="none" spellcheck="false" required autofocus value="${escapeHtml(username)}"${invalid}>
  <label for="password">Password</label>
  <input id="password" name="password" type="password" autocomplete="current-password" required${invalid}>
  <button type="submit">Accedi</button>
</form>`,
  );
}

/**
 * The logout confirmation. Keycloak skips it when the request carries an id_token_hint (keycloak-js sends one);
 * here the form submits itself, and the button remains for a browser without JavaScript.
 * `form` is oidc-provider's form with the CSRF token; "logout=yes" ends the whole session, as Keycloak does.
 */
export function logoutPage(form: string): string {
  const withLogoutAll = form.replace('</form>', '<input type="hidden" name="logout" value="yes"/></form>');
  return layout(
    'Esci da Albero',
    `<h1>Esci da Albero</h1>
<p>Stai uscendo da Albero.</p>
${withLogoutAll}
<button type="submit" form="op.logoutForm">Esci</button>
<script>document.getElementById('op.logoutForm').submit();</script>`,
  );
}

export function loggedOutPage(): string {
  return layout('Uscita completata', '<h1>Uscita completata</h1>\n<p>Sei uscito da Albero.</p>');
}

export function errorPage({ error, description }: { error: string; description?: string | undefined }): string {
  return layout(
    'Errore di accesso',
    `<h1>Errore di accesso</h1>
<p role="alert">Non è stato possibile completare l'accesso.</p>
<p><code>${escapeHtml(error)}</code>${description ? `: ${escapeHtml(description)}` : ''}</p>`,
  );
}

/**
 * keycloak-js loads this page in an iframe to learn whether third-party cookies work, and uses Keycloak's
 * session-status iframe only if they do. Answering "unsupported" turns that iframe off (the session-status
 * iframe is not emulated), so keycloak-js works even with its default `checkLoginIframe: true`.
 */
export function thirdPartyCookiesPage(): string {
  return `<!doctype html>
<html lang="it"><head><meta charset="utf-8"><title>3p-cookies</title></head>
<body><script>window.parent.postMessage('unsupported', '*');</script></body></html>
`;
}

/** The page of an invitation link (execute-actions e-mail, UPDATE_PASSWORD): the person chooses their password. */
export function setPasswordPage({ action, username, error }: { action: string; username: string; error?: string }): string {
  const invalid = error ? ' aria-invalid="true" aria-describedby="password-error"' : '';
  return layout(
    'Imposta la password',
    `<h1>Imposta la password</h1>
<p>Account: <strong>${escapeHtml(username)}</strong></p>
${error ? `<p id="password-error" class="error" role="alert">${escapeHtml(error)}</p>\n` : ''}<form method="post" action="${escapeHtml(action)}" novalidate>
  <input type="text" name="username" value="${escapeHtml(username)}" autocomplete="username" hidden>
  <label for="password-new">Nuova password</label>
  <input id="password-new" name="password-new" type="password" autocomplete="new-password" required autofocus${invalid}>
  <label for="password-confirm">Conferma la password</label>
  <input id="password-confirm" name="password-confirm" type="password" autocomplete="new-password" required${invalid}>
  <button type="submit">Salva</button>
</form>`,
  );
}

export function actionDonePage({ redirectUri }: { redirectUri?: string | undefined }): string {
  return layout(
    'Account aggiornato',
    `<h1>Account aggiornato</h1>
<p role="status">La password è stata impostata. Ora puoi accedere ad Albero.</p>
${redirectUri ? `<p><a href="${escapeHtml(redirectUri)}">Torna all\u2019applicazione</a></p>` : ''}`,
  );
}
