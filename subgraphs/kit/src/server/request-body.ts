import type { RequestHandler } from 'express';
import express from 'express';
import { bodyDigest } from '../peer/peer-proof';

/**
 * The largest GraphQL request the gateway accepts: two evidence files of the full 5 MiB
 * (base64 makes each 6.7 MiB) plus the rest of a mutation. More files go in a correction.
 */
export const MAX_REQUEST_BODY_BYTES = 16 * 1024 * 1024;

/**
 * Subgraphs accept a little more than the gateway: the gateway re-sends the variables with
 * its own query text, so a request it let through must never be refused one hop later.
 */
export const MAX_SUBGRAPH_REQUEST_BODY_BYTES = MAX_REQUEST_BODY_BYTES + 1024 * 1024;

/**
 * JSON body parsing with a size limit, answering an oversized body the GraphQL way (HTTP 413
 * with an `errors` list) instead of Express's HTML error page.
 */
export function jsonBody(limit: number, options: { digest?: boolean } = {}): RequestHandler {
  // In subgraphs, the digest of the exact bytes received: a peer call's signature covers it (peer-proof.ts).
  const parse = express.json({
    limit,
    verify: options.digest
      ? (req, _res, buffer) => {
          (req as { bodyDigest?: string }).bodyDigest = bodyDigest(buffer);
        }
      : undefined,
  });
  return (req, res, next) =>
    parse(req, res, (error?: unknown) => {
      if ((error as { type?: string } | undefined)?.type !== 'entity.too.large') {
        next(error);
        return;
      }
      res.status(413).json({
        errors: [
          {
            message: `请求体超过 ${limit} 字节，请分次上传较大的佐证材料 / the request body is larger than ${limit} bytes; send large evidence files in separate requests`,
            extensions: { code: 'BAD_USER_INPUT' },
          },
        ],
      });
    });
}
