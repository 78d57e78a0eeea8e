import express, { type Request, type Response, type Router } from 'express';
import type { ZodError } from 'zod';
import type { ExportList } from './export-list';
import { ExportQueryError, gatewayQueryRunner, type ExportGraphQLError } from './gateway-query';
import { EXPORT_LISTS } from './lists';
import { writeCsv } from './write-csv';
import { writeXlsx } from './write-xlsx';

const FORMATS = {
  csv: 'text/csv; charset=utf-8',
  xlsx: 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet',
} as const;
type Format = keyof typeof FORMATS;

/**
 * `GET /export/<list>.csv|.xlsx?<params>` (or POST with the parameters as a JSON object):
 * a list streamed as a file. The rows come from the gateway's own /graphql endpoint with the
 * caller's Authorization header, so an export never shows what the caller could not query.
 * Refusals before the first row answer with the GraphQL error shape (`{ errors: [...] }`).
 */
export function exportRouter(options: { graphqlUrl: () => string; pageSize?: number; lists?: ReadonlyMap<string, ExportList> }): Router {
  const lists = options.lists ?? EXPORT_LISTS;
  const router = express.Router();
  const handle = async (req: Request, res: Response, input: unknown) => {
    const match = /^([a-z-]+)\.(csv|xlsx)$/.exec(String(req.params.file));
    const list = match ? lists.get(match[1]!) : undefined;
    if (!match || !list) {
      fail(res, 404, [error(`没有这个导出清单 / no export list "${req.params.file}" (lists: ${[...lists.keys()].join(', ')}; formats: csv, xlsx)`, 'NOT_FOUND', 'list')]);
      return;
    }
    const format = match[2] as Format;
    const parsed = list.params.safeParse(input ?? {});
    if (!parsed.success) {
      fail(res, 400, zodErrors(parsed.error));
      return;
    }
    const run = gatewayQueryRunner(options.graphqlUrl(), req.header('authorization'), options.pageSize);
    const rows = list.rows(parsed.data, run)[Symbol.asyncIterator]();
    // The first row is read before any header is sent, so a refused query is still a clean error.
    let first: IteratorResult<unknown>;
    try {
      first = await rows.next();
    } catch (caught) {
      if (caught instanceof ExportQueryError) fail(res, caught.httpStatus, caught.errors);
      else fail(res, 502, [error(`导出失败 / export failed: ${(caught as Error).message}`, 'INTERNAL_SERVER_ERROR')]);
      return;
    }
    const fileName = `${list.title}-${new Date().toISOString().slice(0, 10)}.${format}`;
    res.status(200);
    res.setHeader('content-type', FORMATS[format]);
    res.setHeader('content-disposition', `attachment; filename="${list.name}.${format}"; filename*=UTF-8''${encodeURIComponent(fileName)}`);
    res.setHeader('cache-control', 'no-store');
    const all = withFirst(first, rows);
    try {
      if (format === 'csv') await writeCsv(res, list.columns, all);
      else await writeXlsx(res, list.title, list.columns, all);
    } catch (caught) {
      // Headers are gone: a truncated file must not look complete, so the connection is cut.
      res.destroy(caught as Error);
    }
  };
  router.get('/export/:file', (req, res) => void handle(req, res, { ...req.query }));
  router.post('/export/:file', express.json({ limit: '64kb' }), (req, res) => void handle(req, res, req.body));
  return router;
}

async function* withFirst<T>(first: IteratorResult<T>, rest: AsyncIterator<T>): AsyncGenerator<T> {
  if (first.done) return;
  yield first.value;
  for (;;) {
    const next = await rest.next();
    if (next.done) return;
    yield next.value;
  }
}

function error(message: string, code: string, field?: string): ExportGraphQLError {
  return { message, extensions: { code, ...(field ? { field } : {}) } };
}

function fail(res: Response, status: number, errors: ExportGraphQLError[]): void {
  res.status(status).json({ errors });
}

/** Each invalid parameter as a BAD_USER_INPUT error naming it (`extensions.field`). */
function zodErrors(zodError: ZodError): ExportGraphQLError[] {
  return zodError.issues.flatMap((issue) => {
    const keys = issue.code === 'unrecognized_keys' ? issue.keys : [issue.path.join('.') || 'params'];
    return keys.map((field) => error(`${field}: ${issue.code === 'unrecognized_keys' ? '未知参数 / unknown parameter' : issue.message}`, 'BAD_USER_INPUT', field));
  });
}
