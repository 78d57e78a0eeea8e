import type { Request, RequestHandler, Response } from 'express';
import { RateLimiterMemory, RateLimiterRes } from 'rate-limiter-flexible';

export interface RateLimitConfig {
  /** Requests per window from one client address (every caller, signed in or not); 0 turns it off. */
  perAddress: number;
  /** Requests per window for one principal (token subject), wherever they come from; 0 turns it off. */
  perPrincipal: number;
  windowSeconds: number;
}

/** Generous enough for a busy dashboard or a test run from one machine; a flood still stops. */
export const DEFAULT_RATE_LIMITS: RateLimitConfig = { perAddress: 3000, perPrincipal: 1200, windowSeconds: 60 };

/**
 * Rate limits per client address and per principal (rate-limiter-flexible, in memory: one
 * gateway process; a scaled-out gateway would use its Redis limiter with the same keys). A
 * refused request gets HTTP 429, `Retry-After` and a GraphQL error body.
 * `principalOf` returns the verified subject, or null for an anonymous or unverifiable caller.
 */
export function rateLimits(config: RateLimitConfig, principalOf: (req: Request, res: Response) => Promise<string | null>): RequestHandler {
  const byAddress = config.perAddress > 0 ? new RateLimiterMemory({ keyPrefix: 'address', points: config.perAddress, duration: config.windowSeconds }) : undefined;
  const byPrincipal = config.perPrincipal > 0 ? new RateLimiterMemory({ keyPrefix: 'principal', points: config.perPrincipal, duration: config.windowSeconds }) : undefined;
  return async (req, res, next) => {
    try {
      await byAddress?.consume(req.ip ?? 'unknown');
      const subject = byPrincipal ? await principalOf(req, res) : null;
      if (subject) await byPrincipal!.consume(subject);
      next();
    } catch (error) {
      if (!(error instanceof RateLimiterRes)) {
        next(error);
        return;
      }
      const seconds = Math.max(1, Math.ceil(error.msBeforeNext / 1000));
      res.setHeader('Retry-After', String(seconds));
      res.status(429).json({
        errors: [
          {
            message: `请求过于频繁，请 ${seconds} 秒后再试 / too many requests: retry after ${seconds} s`,
            extensions: { code: 'RATE_LIMITED', retryAfterSeconds: seconds },
          },
        ],
      });
    }
  };
}
