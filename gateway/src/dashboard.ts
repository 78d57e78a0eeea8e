import { existsSync } from 'node:fs';
import { join } from 'node:path';
import express, { type Router } from 'express';

/** Where `npm run build` puts the dashboard (vite's output of gateway/app). */
export const DASHBOARD_DIST = join(__dirname, '..', 'app', 'dist');

/**
 * The commission's dashboard at /app: static files built from gateway/app. Hashed assets are
 * cached for long; index.html never, so a new build is picked up on reload.
 */
export function dashboardRouter(dist = DASHBOARD_DIST): Router {
  // Strict routing: otherwise '/app' also matches '/app/' and the redirect loops.
  const router = express.Router({ strict: true });
  router.get('/app', (_req, res) => res.redirect(301, '/app/'));
  router.use('/app/assets', express.static(join(dist, 'assets'), { immutable: true, maxAge: '365d', fallthrough: false }));
  router.get('/app/', (_req, res) => {
    const index = join(dist, 'index.html');
    if (!existsSync(index)) {
      res.status(503).type('text/plain; charset=utf-8').send('工作台尚未构建 / the dashboard is not built: run `npm run build`');
      return;
    }
    res.setHeader('cache-control', 'no-cache');
    res.sendFile(index);
  });
  return router;
}
