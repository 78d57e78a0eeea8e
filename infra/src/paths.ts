import { join } from 'node:path';

/** The repository root, from `infra/dist` or `infra/src` alike. */
export const REPO_ROOT = join(__dirname, '..', '..');

/** Git-ignored state of a local installation: database files and generated secrets. */
export const LOCAL_DIR = join(REPO_ROOT, '.local');
export const SECRETS_DIR = join(LOCAL_DIR, 'secrets');
export const PGDATA_DIR = join(LOCAL_DIR, 'pgdata');
