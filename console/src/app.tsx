import { useQuery } from '@tanstack/react-query';
import type { ReactNode } from 'react';
import { Link, Redirect, Route, Switch, useLocation } from 'wouter';
import { api, unwrap } from './api/client';
import { useNavCounts } from './components/nav-counts';
import { useI18n } from './i18n';
import { AdminPage } from './pages/admin';
import { ComplaintPage } from './pages/complaint';
import { EscalationsPage } from './pages/escalations';
import { QueuePage, QUEUE_VIEWS } from './pages/queue';
import { ReportsPage } from './pages/reports';
import { SignInPage } from './pages/sign-in';
import { TimelinePage } from './pages/timeline';
import { WhatIfPage } from './pages/what-if';
import { PublicListPage } from './pages/citizen/public-list';
import { ReceiptPage } from './pages/citizen/receipt';
import { SubmitPage } from './pages/citizen/submit';
import { TrackPage } from './pages/citizen/track';
import { homeOf, isRole, ROLE_NAVIGATION } from './roles';
import { session, useSession } from './session';

function LanguageSwitch() {
  const { lang, setLang, t } = useI18n();
  const other = lang === 'id' ? 'en' : 'id';
  return (
    <button type="button" className="link" lang={other} onClick={() => setLang(other)}>
      {t.common.switchLanguage}
    </button>
  );
}

function Header() {
  const { t } = useI18n();
  const current = useSession();
  const [location] = useLocation();
  const counts = useNavCounts(Boolean(current));
  // Re-read on each page load: a SYSADMIN may have renamed the officer or changed the role since sign-in.
  const me = useQuery({ queryKey: ['me', current?.officer.id], enabled: Boolean(current), staleTime: 5 * 60_000, queryFn: () => unwrap(api.GET('/v1/auth/me')) });
  const officer = me.data ?? current?.officer;
  const links = current && isRole(current.officer.role) ? ROLE_NAVIGATION[current.officer.role] : [];
  return (
    <header className="top">
      <a className="skip" href="#main">
        {t.common.skipToContent}
      </a>
      <div className="brand">
        <Link href={current ? homeOf(current.officer.role) : '/'}>Tenggat</Link>
        <span>{t.common.tagline}</span>
      </div>
      <nav aria-label={t.nav.label}>
        <ul>
          {current ? (
            links.map((link) => {
              const count = link.counts ? counts.data?.[link.counts] : undefined;
              return (
                <li key={link.path}>
                  <Link href={link.path} aria-current={location === link.path ? 'page' : undefined}>
                    {t.nav[link.label]}
                    {count !== undefined && (
                      <span className="badge" aria-label={t.nav.countLabel(count)} data-testid={`count-${link.counts}`}>
                        {count}
                      </span>
                    )}
                  </Link>
                </li>
              );
            })
          ) : (
            <>
              <li><Link href="/lapor">{t.nav.submit}</Link></li>
              <li><Link href="/lacak">{t.nav.track}</Link></li>
              <li><Link href="/publik">{t.nav.publicList}</Link></li>
              <li><Link href="/masuk">{t.nav.signIn}</Link></li>
            </>
          )}
        </ul>
      </nav>
      <div className="who">
        {current && (
          <>
            <span data-testid="signed-in-as">
              {officer?.displayName} · {officer && t.roles[officer.role]}
            </span>
            <button type="button" className="link" onClick={() => session.signOut()}>
              {t.nav.signOut}
            </button>
          </>
        )}
        <LanguageSwitch />
      </div>
    </header>
  );
}

function Home() {
  const { t } = useI18n();
  const current = useSession();
  if (current) return <Redirect to={homeOf(current.officer.role)} />;
  return (
    <section>
      <h1>{t.home.title}</h1>
      <p>{t.home.intro}</p>
      <ul className="cards">
        <li><Link href="/lapor">{t.nav.submit}</Link><p>{t.home.submit}</p></li>
        <li><Link href="/lacak">{t.nav.track}</Link><p>{t.home.track}</p></li>
        <li><Link href="/publik">{t.nav.publicList}</Link><p>{t.home.publicList}</p></li>
        <li><Link href="/masuk">{t.nav.signIn}</Link><p>{t.home.officers}</p></li>
      </ul>
    </section>
  );
}

/** Officer pages: signed out, they go to sign-in and come back afterwards. */
function Officer({ children }: { children: ReactNode }) {
  const current = useSession();
  const [location] = useLocation();
  if (!current) return <Redirect to={`/masuk?kembali=${encodeURIComponent(location)}`} />;
  return <>{children}</>;
}

export function App() {
  return (
    <>
      <Header />
      <main id="main" tabIndex={-1}>
        <Switch>
          <Route path="/" component={Home} />
          <Route path="/masuk" component={SignInPage} />
          <Route path="/lapor" component={SubmitPage} />
          <Route path="/lapor/tanda-terima" component={ReceiptPage} />
          <Route path="/lacak" component={TrackPage} />
          <Route path="/publik" component={PublicListPage} />
          {QUEUE_VIEWS.map((view) => (
            <Route key={view.path} path={view.path}>
              <Officer>
                <QueuePage view={view} />
              </Officer>
            </Route>
          ))}
          <Route path="/pengaduan/:trackingId">{(params) => <Officer><ComplaintPage trackingId={params.trackingId} /></Officer>}</Route>
          <Route path="/eskalasi"><Officer><EscalationsPage /></Officer></Route>
          <Route path="/laporan"><Officer><ReportsPage /></Officer></Route>
          <Route path="/simulasi/:id?">{(params) => <Officer><WhatIfPage id={params.id} /></Officer>}</Route>
          <Route path="/riwayat/:trackingId?">{(params) => <Officer><TimelinePage trackingId={params.trackingId} /></Officer>}</Route>
          <Route path="/admin"><Officer><AdminPage /></Officer></Route>
          <Route>
            <NotFound />
          </Route>
        </Switch>
      </main>
    </>
  );
}

function NotFound() {
  const { t } = useI18n();
  return (
    <section>
      <h1>{t.common.notFound}</h1>
      <Link href="/">{t.common.backHome}</Link>
    </section>
  );
}
