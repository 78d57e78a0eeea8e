import type { RequestHandler } from 'express';

/**
 * A client never waits longer than the deadline: if no answer has started by then, the gateway
 * answers 504 with a GraphQL error. Subgraphs stop resolving at their own (slightly later)
 * deadline, so the work behind an abandoned answer ends too.
 */
export function requestDeadline(ms: number): RequestHandler {
  return (_req, res, next) => {
    const timer = setTimeout(() => {
      if (res.headersSent) return;
      res.status(504).json({
        errors: [
          {
            message: `请求超出时限（${ms} 毫秒） / the request ran past its deadline of ${ms} ms`,
            extensions: { code: 'DEADLINE_EXCEEDED', limit: ms },
          },
        ],
      });
    }, ms);
    timer.unref();
    res.once('finish', () => clearTimeout(timer));
    res.once('close', () => clearTimeout(timer));
    next();
  };
}
