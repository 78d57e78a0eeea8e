import express, { type Router } from 'express';
import { dirname, join } from 'node:path';
import { analystCatalogue } from './analyst-catalogue';

/**
 * GraphiQL served from the installed npm packages: the platform runs on networks with no
 * CDN, so Apollo's default landing page (which loads from one) would be blank.
 */
function packageDir(name: string): string {
  return dirname(require.resolve(`${name}/package.json`));
}

/**
 * Served as a file so the page fits a Content-Security-Policy without 'unsafe-inline' scripts.
 * The analysts' catalogue opens as tabs (gateway/catalogue/analyst-operations.graphql);
 * GraphiQL keeps its tabs in localStorage, so they appear on a first visit.
 */
function startScript(tabs: { query: string }[]): string {
  return `const fetcher = GraphiQL.createFetcher({ url: '/graphql' });
const defaultQuery = '# 主体责任动态监管平台 — one graph for city, districts and streets.\\n' +
  '# Put a token in the Headers tab: { "Authorization": "Bearer <npm run token …>" }\\n' +
  'query CityDownToStreets {\\n  city {\\n    code\\n    name\\n    districts {\\n      code\\n      name\\n      streets { code name kind }\\n    }\\n  }\\n}\\n';
const defaultTabs = [{ query: defaultQuery }].concat(${JSON.stringify(tabs).replace(/</g, '\\u003c')});
ReactDOM.createRoot(document.getElementById('graphiql')).render(
  React.createElement(GraphiQL, { fetcher, defaultQuery, defaultTabs, defaultEditorToolsVisibility: true }),
);
`;
}

const PAGE = `<!doctype html>
<html lang="zh-CN">
<head>
  <meta charset="utf-8" />
  <title>主体责任动态监管平台 · GraphiQL</title>
  <link rel="stylesheet" href="/graphiql/assets/graphiql.min.css" />
  <style>body { margin: 0; height: 100vh; } #graphiql { height: 100vh; }</style>
</head>
<body>
  <div id="graphiql">Loading GraphiQL…</div>
  <script src="/graphiql/assets/react.production.min.js"></script>
  <script src="/graphiql/assets/react-dom.production.min.js"></script>
  <script src="/graphiql/assets/graphiql.min.js"></script>
  <script src="/graphiql/assets/start.js"></script>
</body>
</html>`;

export function graphiqlRouter(): Router {
  const router = express.Router();
  const assets: Record<string, string> = {
    'graphiql.min.css': join(packageDir('graphiql'), 'graphiql.min.css'),
    'graphiql.min.js': join(packageDir('graphiql'), 'graphiql.min.js'),
    'react.production.min.js': join(packageDir('react'), 'umd', 'react.production.min.js'),
    'react-dom.production.min.js': join(packageDir('react-dom'), 'umd', 'react-dom.production.min.js'),
  };
  const start = startScript(analystCatalogue().map(({ query }) => ({ query })));
  router.get('/graphiql/assets/start.js', (_req, res) => {
    res.type('application/javascript').send(start);
  });
  router.get('/graphiql/assets/:file', (req, res) => {
    const path = assets[req.params.file];
    if (!path) {
      res.status(404).end();
      return;
    }
    res.sendFile(path, { maxAge: '1d' });
  });
  router.get(['/', '/graphiql'], (_req, res) => {
    res.type('html').send(PAGE);
  });
  return router;
}
