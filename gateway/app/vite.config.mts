import { fileURLToPath } from 'node:url';
import { defineConfig } from 'vite';

// Everything is bundled from node_modules: the dashboard loads nothing from a CDN.
export default defineConfig({
  root: fileURLToPath(new URL('.', import.meta.url)),
  base: '/app/',
  logLevel: 'warn',
  build: { outDir: 'dist', emptyOutDir: true, chunkSizeWarningLimit: 2000 },
});
