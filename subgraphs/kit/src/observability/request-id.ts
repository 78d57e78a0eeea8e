import { randomUUID } from 'node:crypto';
import type { RequestHandler } from 'express';

/** Carries one request's id from the gateway into every subgraph and peer call. */
export const REQUEST_ID_HEADER = 'x-request-id';

const ACCEPTABLE_ID = /^[A-Za-z0-9._:-]{1,100}$/;

/** The caller's request id when it is a sane token (it ends up in logs), a new UUID otherwise. */
export function requestIdFrom(header: string | undefined): string {
  return header && ACCEPTABLE_ID.test(header) ? header : randomUUID();
}

/** Gives every request an id (`res.locals.requestId`) and answers with it, so a client can quote it. */
export function requestIdMiddleware(): RequestHandler {
  return (req, res, next) => {
    const requestId = requestIdFrom(req.header(REQUEST_ID_HEADER));
    res.locals.requestId = requestId;
    res.setHeader(REQUEST_ID_HEADER, requestId);
    next();
  };
}
