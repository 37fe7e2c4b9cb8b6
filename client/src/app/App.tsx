import { lazy, Suspense, useCallback, useState } from 'react';
import { Provider, useQuery } from 'urql';
import { JoinPage } from '../features/auth/JoinPage';
import { LogInForm } from '../features/auth/LogInForm';
import { ResetPasswordPage } from '../features/auth/ResetPasswordPage';
import { SetupPage } from '../features/auth/SetupPage';
import { ViewerQuery } from '../features/auth/viewer';
import { ApiTokensPage } from '../features/api-tokens/ApiTokensPage';
import { DirectoryPage } from '../features/directory/DirectoryPage';
import { OrganizationPage } from '../features/directory/OrganizationPage';
import { EditFlowPage, NewFlowPage } from '../features/flows/FlowFormPage';
import { FlowsPage } from '../features/flows/FlowsPage';
import { ImportPage } from '../features/import/ImportPage';
import { SynergiesPage } from '../features/synergies/SynergiesPage';
import { SynergyDetailPage } from '../features/synergies/SynergyDetailPage';
import { RecordSynergyPage } from '../features/synergies/record/RecordSynergyPage';
import { I18nProvider } from '../i18n/I18nProvider';
import { useI18n } from '../i18n/useI18n';
import { describeError } from '../ui/errors';
import { AppHeader } from './AppHeader';
import { AppNav } from './AppNav';
import { NotFoundPage } from './NotFoundPage';
import type { Route } from '../ui/route';
import { useRoute } from './useRoute';
import { createUrqlClient } from './urql';

// The dashboard brings a map and chart libraries: loaded when first opened, so the first screen stays small.
const DashboardPage = lazy(() => import('../features/dashboard/DashboardPage'));
// The projects pages load on first visit: they are not part of the first screen's bundle.
const ProjectsBoardPage = lazy(() => import('../features/projects/ProjectsBoardPage').then((m) => ({ default: m.ProjectsBoardPage })));
// The report page shows the server's printable report; loaded on first visit.
const ReportPage = lazy(() => import('../features/reports/ReportPage'));
const ProjectPage = lazy(() => import('../features/projects/ProjectPage').then((m) => ({ default: m.ProjectPage })));

export function App() {
  // A fresh client per session: its cache holds only what the current viewer may see.
  const [client, setClient] = useState(createUrqlClient);
  const startNewSession = useCallback(() => setClient(createUrqlClient()), []);
  return (
    <I18nProvider>
      <Provider value={client}>
        <Shell onSessionChange={startNewSession} />
      </Provider>
    </I18nProvider>
  );
}

function Shell({ onSessionChange }: { onSessionChange: () => void }) {
  const { t } = useI18n();
  const [{ data, fetching, error }] = useQuery({ query: ViewerQuery });
  const viewer = data?.viewer ?? null;
  const route = useRoute();

  let content;
  if (fetching && !data) {
    content = (
      <p role="status" className="muted">
        {t('app.loading')}
      </p>
    );
  } else if (error && !data) {
    content = (
      <p role="alert" className="error">
        {describeError(error, t)}
      </p>
    );
  } else if (route.name === 'join') {
    // An invitation link is used signed in or not: it opens its own session.
    content = <JoinPage token={route.token} onJoined={onSessionChange} />;
  } else if (route.name === 'reset') {
    content = <ResetPasswordPage token={route.token} onReset={onSessionChange} />;
  } else if (route.name === 'setup') {
    content = <SetupPage token={route.token} onCreated={onSessionChange} />;
  } else if (viewer) {
    content = (
      <Suspense
        fallback={
          <p role="status" className="muted">
            {t('app.loading')}
          </p>
        }
      >
        <Page route={route} />
      </Suspense>
    );
  } else {
    content = <LogInForm onLoggedIn={onSessionChange} />;
  }

  return (
    <>
      <a className="skip-link" href="#main">
        {t('app.skipToContent')}
      </a>
      <AppHeader viewer={viewer} onLoggedOut={onSessionChange} />
      {viewer && <AppNav route={route} facilitator={viewer.facilitatedTerritories.length > 0} />}
      <main id="main" tabIndex={-1}>
        {content}
      </main>
    </>
  );
}

function Page({ route }: { route: Route }) {
  switch (route.name) {
    case 'directory':
      return <DirectoryPage />;
    case 'organization':
      return <OrganizationPage key={route.id} id={route.id} />;
    case 'flows':
      return <FlowsPage />;
    case 'newFlow':
      return <NewFlowPage />;
    case 'flow':
      return <EditFlowPage key={route.id} id={route.id} />;
    case 'synergies':
      return <SynergiesPage />;
    case 'newSynergy':
      return <RecordSynergyPage />;
    case 'synergy':
      return <SynergyDetailPage key={route.id} id={route.id} />;
    case 'projects':
      return <ProjectsBoardPage />;
    case 'project':
      return <ProjectPage key={route.id} id={route.id} />;
    case 'apiTokens':
      return <ApiTokensPage />;
    case 'dashboard':
      return (
        <Suspense fallback={<PageLoading />}>
          <DashboardPage />
        </Suspense>
      );
    case 'import':
      return <ImportPage />;
    case 'join':
    case 'reset':
    case 'setup':
      return null;
    case 'report':
      return (
        <Suspense fallback={<PageLoading />}>
          <ReportPage />
        </Suspense>
      );
    case 'notFound':
      return <NotFoundPage path={route.path} />;
  }
}

function PageLoading() {
  const { t } = useI18n();
  return (
    <p role="status" className="muted">
      {t('app.loading')}
    </p>
  );
}
