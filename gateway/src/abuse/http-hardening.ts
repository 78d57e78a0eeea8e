import cors from 'cors';
import type { Express } from 'express';
import helmet from 'helmet';

/**
 * Security headers on every page (helmet's defaults: a strict Content-Security-Policy that the
 * local GraphiQL page fits because its scripts are files, not inline), no `X-Powered-By`, and
 * CORS only for the origins in the allow-list (none by default: browsers then refuse
 * cross-origin calls; the dashboard is served from the gateway's own origin).
 */
export function hardenHttp(app: Express, corsOrigins: readonly string[]): void {
  app.disable('x-powered-by');
  app.use(helmet());
  app.use(
    cors({
      origin: (origin, callback) => callback(null, origin !== undefined && corsOrigins.includes(origin)),
      methods: ['GET', 'POST', 'OPTIONS'],
      allowedHeaders: ['content-type', 'authorization', 'apollo-require-preflight'],
      maxAge: 600,
    }),
  );
}
