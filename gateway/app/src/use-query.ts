import { useEffect, useState } from 'react';
import { runQuery } from './graphql-client';
import type { TypedDocumentString } from './gql/graphql';
import { useSession } from './session-context';

export type QueryState<T> = { status: 'loading' } | { status: 'error'; message: string } | { status: 'done'; data: T };

/** Runs a typed operation when the component mounts and again when its variables change. */
export function useQuery<Result, Variables>(
  document: TypedDocumentString<Result, Variables>,
  variables: Variables,
): QueryState<Result> {
  const session = useSession();
  const [state, setState] = useState<QueryState<Result>>({ status: 'loading' });
  const key = JSON.stringify(variables);
  useEffect(() => {
    let current = true;
    setState({ status: 'loading' });
    runQuery(document, variables, session.token).then(
      (data) => current && setState({ status: 'done', data }),
      (error: unknown) => current && setState({ status: 'error', message: error instanceof Error ? error.message : String(error) }),
    );
    return () => {
      current = false;
    };
  }, [document, key, session.token]);
  return state;
}
