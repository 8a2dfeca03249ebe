// The page frame of signed-in screens: skip links, header (chamber, person, role, language, logout),
// main navigation, <main> landmark and footer. Routes render inside <Outlet />.
import { Suspense } from 'react';
import { Button, Header, HeaderBrand, HeaderContent, HeaderRightZone, Headers } from 'design-react-kit';
import { useTranslation } from 'react-i18next';
import { NavLink, Outlet } from 'react-router';
import { Loading } from '../components/loading.js';
import { LanguageSwitch } from '../components/language-switch.js';
import { RouteFocus } from './route-focus.js';
import { can, useSession } from '../session/session-context.js';

type NavEntry = { to: string; label: string };

function useNavEntries(): NavEntry[] {
  const { viewer } = useSession();
  const entries: NavEntry[] = [];
  if (viewer.kind === 'member') {
    entries.push({ to: '/cruscotto', label: 'nav.cruscotto' }, { to: '/albero', label: 'nav.albero' });
    if (can(viewer, 'measurement.enter', true) || can(viewer, 'measurement.review', true)) entries.push({ to: '/inserimento', label: 'nav.inserimento' });
    entries.push({ to: '/miei-obiettivi', label: 'nav.mieiObiettivi' });
    if (can(viewer, 'scorecard.read', true)) entries.push({ to: '/valutazioni', label: 'nav.valutazioni' });
    if (viewer.roles.includes('oiv') || can(viewer, 'override.set')) entries.push({ to: '/oiv', label: 'nav.oiv' });
    if (can(viewer, 'cycle.manage')) entries.push({ to: '/piano', label: 'nav.piano' });
    if (can(viewer, 'unit.manage')) entries.push({ to: '/amministrazione', label: 'nav.amministrazione' });
    if (can(viewer, 'benchmark.read')) entries.push({ to: '/confronto', label: 'nav.confronto' });
  }
  if (viewer.kind === 'unioncamere' && can(viewer, 'benchmark.read')) entries.push({ to: '/unioncamere', label: 'nav.unioncamere' }, { to: '/confronto', label: 'nav.confronto' });
  if (viewer.kind === 'platform' || viewer.kind === 'unioncamere') entries.push({ to: '/piattaforma', label: 'nav.piattaforma' });
  return entries;
}

function MainNav() {
  const { t } = useTranslation();
  return (
    <nav id="navigazione" aria-label={t('app.mainNav')} className="albero-nav">
      <div className="container-xxl">
        <ul className="albero-nav-list">
          {useNavEntries().map((entry) => (
            <li key={entry.to}>
              <NavLink to={entry.to} className={({ isActive }) => (isActive ? 'albero-nav-link active' : 'albero-nav-link')}>
                {t(entry.label)}
              </NavLink>
            </li>
          ))}
        </ul>
      </div>
    </nav>
  );
}

function UserZone() {
  const { t } = useTranslation();
  const { session, viewer } = useSession();
  const roles = viewer.roles.map((r) => t(`roles.${r}`)).join(', ');
  return (
    <HeaderRightZone>
      <div className="albero-user">
        <span>{t('app.signedInAs', { name: viewer.person?.displayName ?? session.displayName ?? viewer.username })}</span>
        <span className="albero-role">{t('app.roleLabel', { roles })}</span>
      </div>
      <LanguageSwitch />
      <Button color="primary" size="sm" className="ms-2" onClick={() => void session.logout()}>
        {t('app.logout')}
      </Button>
    </HeaderRightZone>
  );
}

/** The frame every signed-in screen shares. */
export function Layout() {
  const { t } = useTranslation();
  const { viewer } = useSession();
  return (
    <>
      <div className="skiplinks">
        <a className="visually-hidden-focusable" href="#contenuto">
          {t('app.skipToContent')}
        </a>
        <a className="visually-hidden-focusable" href="#navigazione">
          {t('app.skipToNav')}
        </a>
      </div>
      <header>
        <Headers>
          <Header type="slim">
            <HeaderContent>
              <HeaderBrand href="/" tag="a">
                {t('app.name')}
              </HeaderBrand>
              <UserZone />
            </HeaderContent>
          </Header>
          <Header type="center" small>
            <HeaderContent>
              <HeaderBrand href="/" tag="a">
                <span className="albero-brand">
                  <span className="albero-brand-title">{viewer.chamber?.name ?? (viewer.kind === 'unioncamere' ? t('app.unioncamere') : t('app.noChamber'))}</span>
                  <span className="albero-brand-tagline">{t('app.tagline')}</span>
                </span>
              </HeaderBrand>
            </HeaderContent>
          </Header>
        </Headers>
      </header>
      <MainNav />
      <RouteFocus />
      <main id="contenuto" className="container-xxl py-4" tabIndex={-1}>
        <Suspense fallback={<Loading />}>
          <Outlet />
        </Suspense>
      </main>
      <footer className="albero-footer">
        <div className="container-xxl">{t('app.footer')}</div>
      </footer>
    </>
  );
}
