// Entry point: i18n first; the public pages (/pubblico/…) render without login, every other path signs in
// with keycloak-js (login-required) before the application loads.
import 'bootstrap-italia/dist/css/bootstrap-italia.min.css';
import './styles.css';
import { StrictMode, type ReactNode } from 'react';
import { createRoot } from 'react-dom/client';
import { I18nextProvider } from 'react-i18next';
import { initI18n } from './i18n/i18n.js';

const container = document.getElementById('root');
if (!container) throw new Error('missing #root');
const root = createRoot(container);
const i18n = await initI18n();

function render(node: ReactNode) {
  root.render(
    <StrictMode>
      <I18nextProvider i18n={i18n}>{node}</I18nextProvider>
    </StrictMode>,
  );
}

function Message({ text, alert = false }: { text: string; alert?: boolean }) {
  return (
    <main id="contenuto" className="container py-5">
      <h1 className="h3">{i18n.t('app.name')}</h1>
      <p role={alert ? 'alert' : 'status'}>{text}</p>
    </main>
  );
}

if (window.location.pathname.startsWith('/pubblico')) {
  const { PublicApp } = await import('./routes/public-app.js');
  render(<PublicApp />);
} else {
  render(<Message text={i18n.t('app.signingIn')} />);
  try {
    const [{ signIn }, { SignedInApp }] = await Promise.all([import('./auth/keycloak.js'), import('./app/signed-in-app.js')]);
    const session = await signIn();
    render(<SignedInApp session={session} />);
  } catch (error) {
    console.error('sign-in failed', error);
    render(<Message text={i18n.t('app.signInFailed')} alert />);
  }
}
