import type { Fetcher, FetcherRequestInit, FetcherResponse } from '@apollo/utils.fetcher';
import { getOperationAST, parse } from 'graphql';

/** What a finished subgraph answer is reduced to, so that every waiting caller gets its own copy. */
interface SettledResponse {
  status: number;
  statusText: string;
  headers: [string, string][];
  body: string;
}

export type BaseFetch = (url: string, init?: FetcherRequestInit) => Promise<Pick<Response, 'status' | 'statusText' | 'headers' | 'text'>>;

const MAX_KNOWN_DOCUMENTS = 1000;

/**
 * A subgraph fetcher that merges identical requests in flight: while one is on its way, the same
 * request again (same subgraph URL, same body — document, variables and operation name — and the
 * same Authorization, hence the same principal) waits for that answer instead of asking again.
 * Queries only: a mutation is always sent, each time it is asked for. Nothing is kept once the
 * answer is in, so this is not a cache and never serves an answer older than its request.
 *
 * The answer is shared as text and every caller parses its own: the gateway merges entity
 * results into the objects it is given, so a parsed body shared between requests would leak one
 * request's result into another's.
 */
export function createInflightMerger(): InflightMerger {
  const inFlight = new Map<string, Promise<SettledResponse>>();
  const queryDocuments = new Map<string, boolean>();

  const isQuery = (document: string): boolean => {
    let known = queryDocuments.get(document);
    if (known === undefined) {
      try {
        known = getOperationAST(parse(document))?.operation === 'query';
      } catch {
        known = false;
      }
      // The gateway sends a bounded set of documents (its query plans); the bound guards the rest.
      if (queryDocuments.size >= MAX_KNOWN_DOCUMENTS) queryDocuments.clear();
      queryDocuments.set(document, known);
    }
    return known;
  };

  const mergeKey = (url: string, init?: FetcherRequestInit): string | undefined => {
    if ((init?.method ?? 'GET').toUpperCase() !== 'POST' || typeof init?.body !== 'string') return undefined;
    let document: unknown;
    try {
      document = (JSON.parse(init.body) as { query?: unknown }).query;
    } catch {
      return undefined;
    }
    if (typeof document !== 'string' || !isQuery(document)) return undefined;
    const authorization = Object.entries(init.headers ?? {}).find(([name]) => name.toLowerCase() === 'authorization')?.[1] ?? '';
    return JSON.stringify([url, authorization, init.body]);
  };

  const merge = async (url: string, init: FetcherRequestInit | undefined, base: BaseFetch): Promise<FetcherResponse> => {
    const key = mergeKey(url, init);
    if (key === undefined) return (await base(url, init)) as unknown as FetcherResponse;
    let shared = inFlight.get(key);
    if (!shared) {
      const started = base(url, init).then(async (response) => ({
        status: response.status,
        statusText: response.statusText,
        headers: [...response.headers],
        body: await response.text(),
      }));
      shared = started;
      inFlight.set(key, started);
      const forget = () => {
        if (inFlight.get(key) === started) inFlight.delete(key);
      };
      started.then(forget, forget);
    }
    const settled = await shared;
    return new Response(settled.body, { status: settled.status, statusText: settled.statusText, headers: settled.headers }) as unknown as FetcherResponse;
  };
  return Object.assign(merge, { inFlight: () => inFlight.size });
}

/**
 * Sends through `base`, or waits for the identical request already in flight. The sender is
 * given per call (it carries that call's deadline), the requests in flight are shared.
 */
export type InflightMerger = ((url: string, init: FetcherRequestInit | undefined, base: BaseFetch) => Promise<FetcherResponse>) & {
  inFlight(): number;
};

/** A fetcher over one sender that merges identical in-flight queries (see `createInflightMerger`). */
export function mergingFetcher(base: BaseFetch): Fetcher & { inFlight(): number } {
  const merger = createInflightMerger();
  return Object.assign((url: string, init?: FetcherRequestInit) => merger(url, init, base), { inFlight: () => merger.inFlight() });
}
