import { Client } from 'pg';

/** The PostgreSQL channel the deny-list's insert trigger notifies (migration `…_token_revocations`). */
export const REVOCATION_CHANNEL = 'token_revocation';

export interface RevocationNotices {
  stop(): Promise<void>;
}

/**
 * 撤销通知 The city's replicas learn of a revocation any of them wrote from PostgreSQL's
 * LISTEN/NOTIFY instead of re-reading the table every few seconds: at rest the deny-list costs
 * the database nothing (the N+1 figures count every statement), and a replica hears of a new row
 * within a round trip. The list is loaded once the channel is listened to (nothing falls between
 * the load and the first notice). A dropped listening connection is reopened with a back-off, and `reload`
 * runs once it is back, since notices sent while it was down are not queued for it.
 */
export async function listenForRevocations(
  databaseUrl: string,
  reload: () => Promise<void>,
  onError: (error: unknown) => void,
): Promise<RevocationNotices> {
  let client: Client | undefined;
  let stopped = false;
  let retry: NodeJS.Timeout | undefined;
  let backoffMs = 500;

  const connect = async (): Promise<void> => {
    const next = new Client({ connectionString: databaseUrl });
    next.on('notification', () => {
      reload().catch(onError);
    });
    next.on('error', (error) => {
      onError(error);
      reconnect(next);
    });
    try {
      await next.connect();
      await next.query(`listen "${REVOCATION_CHANNEL}"`);
    } catch (error) {
      onError(error);
      reconnect(next);
      return;
    }
    if (stopped) {
      await next.end().catch(() => {});
      return;
    }
    client = next;
    backoffMs = 500;
    await reload().catch(onError);
  };

  const reconnect = (failed: Client): void => {
    failed.removeAllListeners('notification');
    failed.end().catch(() => {});
    if (client === failed) client = undefined;
    if (stopped || retry) return;
    retry = setTimeout(() => {
      retry = undefined;
      void connect();
    }, backoffMs);
    retry.unref();
    backoffMs = Math.min(backoffMs * 2, 15_000);
  };

  // The first connection (or its first failure) is awaited: once this resolves the list is loaded
  // and later rows are announced, so a service does not start answering with an empty list.
  await connect();
  return {
    async stop() {
      stopped = true;
      if (retry) clearTimeout(retry);
      await client?.end().catch(() => {});
      client = undefined;
    },
  };
}
