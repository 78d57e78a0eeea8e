import type { ReactNode } from 'react';
import type { QueryState } from '../use-query';

/** A titled panel that shows its query's loading and error states the same way everywhere. */
export function Section<T>(props: {
  title: string;
  subtitle?: string;
  state: QueryState<T>;
  actions?: ReactNode;
  testId?: string;
  children: (data: T) => ReactNode;
}) {
  const { state } = props;
  return (
    <section className="panel" data-testid={props.testId}>
      <header>
        <h2>
          {props.title}
          {props.subtitle && <small> {props.subtitle}</small>}
        </h2>
        {props.actions && <div className="actions">{props.actions}</div>}
      </header>
      {state.status === 'loading' && <p className="muted">加载中… / loading…</p>}
      {state.status === 'error' && <p className="error">{state.message}</p>}
      {state.status === 'done' && props.children(state.data)}
    </section>
  );
}
