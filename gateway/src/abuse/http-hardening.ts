import cors from 'cors';
import type { Express } from 'express';
import helmet from 'helmet';

/**
 * Security headers on every page (helmet's defaults: a strict Content-Security-Policy that the
 * local GraphiQL page fits because its scripts are files, not inline), no `X-Powered-By`, and
 * CORS only for the origins in the allow-list (none by default: browsers then refuse
 * cross-origin calls; the dashboard is served from the gateway's own origin).
 */
export function hardenHttp(app: Express, corsOrigins: readonly string[], production: boolean): void {
  app.disable('x-powered-by');
  app.use(
    helmet({
      // Outside production the gateway is reached over plain HTTP (127.0.0.1, an intranet host):
      // upgrading its page's requests to HTTPS would break GraphiQL and the dashboard there.
      contentSecurityPolicy: { directives: { upgradeInsecureRequests: production ? [] : null } },
    }),
  );
  app.use(
    cors({
      origin: (origin, callback) => callback(null, origin !== undefined && corsOrigins.includes(origin)),
      methods: ['GET', 'POST', 'OPTIONS'],
      allowedHeaders: ['content-type', 'authorization', 'apollo-require-preflight', 'idempotency-key'],
      maxAge: 600,
    }),
  );
}
