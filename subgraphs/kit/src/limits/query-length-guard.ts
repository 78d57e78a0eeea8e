import type { RequestHandler } from 'express';
import { limitError } from './limit-errors';

/**
 * Refuses an over-long query text before the GraphQL parser sees it: a 5 MB document of
 * `__typename` aliases would otherwise hold the event loop while it is lexed.
 */
export function queryLengthGuard(maxLength: number): RequestHandler {
  return (req, res, next) => {
    const body = req.body as { query?: unknown } | undefined;
    const query = typeof body?.query === 'string' ? body.query : typeof req.query.query === 'string' ? req.query.query : '';
    if (query.length <= maxLength) {
      next();
      return;
    }
    const error = limitError(
      'QUERY_TOO_LARGE',
      `查询文本超出长度限制（${maxLength} 个字符）`,
      `query text of ${query.length} characters exceeds the limit of ${maxLength}`,
      maxLength,
    );
    res.status(400).json({ errors: [{ message: error.message, extensions: { code: 'QUERY_TOO_LARGE', limit: maxLength } }] });
  };
}
