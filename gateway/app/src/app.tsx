import { useState } from 'react';
import { CityOverview } from './pages/city-overview';
import { DistrictPage } from './pages/district-page';
import { DutyRecordPage } from './pages/duty-record-page';
import { SignIn } from './pages/sign-in';
import { StreetPage } from './pages/street-page';
import { TaskPage } from './pages/task-page';
import { LEVEL } from './labels';
import { href, useRoute, type Route } from './router';
import { loadSession, saveSession, type Session } from './session';
import { SessionContext } from './session-context';

export function App() {
  const [session, setSession] = useState<Session | null>(loadSession);
  const route = useRoute();
  if (!session) {
    return (
      <SignIn
        onSignIn={(next) => {
          saveSession(next);
          setSession(next);
        }}
      />
    );
  }
  return (
    <SessionContext.Provider value={session}>
      <header className="top">
        <a className="brand" href={href({ page: 'home' })}>主体责任动态监管平台</a>
        <span className="who" data-testid="principal">
          {LEVEL[session.level]} {session.code} · {session.roles.join(', ')}
        </span>
        <button
          type="button"
          onClick={() => {
            saveSession(null);
            setSession(null);
          }}
        >
          退出 Sign out
        </button>
      </header>
      <main>
        <Page route={route} session={session} />
      </main>
    </SessionContext.Provider>
  );
}

/** Home is the principal's own jurisdiction: the city sees the city, a district its district. */
function Page(props: { route: Route; session: Session }) {
  const { route, session } = props;
  switch (route.page) {
    case 'district':
      return <DistrictPage key={route.code} code={route.code} />;
    case 'street':
      return <StreetPage key={route.code} code={route.code} />;
    case 'task':
      return <TaskPage key={route.id} level={route.level} id={route.id} />;
    case 'duty-record':
      return <DutyRecordPage key={route.id} level={route.level} id={route.id} />;
    case 'home':
      if (session.level === 'district') return <DistrictPage code={session.code} />;
      if (session.level === 'street') return <StreetPage code={session.code} />;
      return <CityOverview />;
  }
}
