import { mkdirSync, writeFileSync } from 'node:fs';
import { dirname, resolve } from 'node:path';
import { apiSchemaSdl } from './api-schema';
import { DEFAULT_SUPERGRAPH_PATH } from './config';

/** `node gateway/dist/print-api-schema.js <out>`: the build writes the API schema for codegen. */
const out = resolve(process.argv[2] ?? 'gateway/app/generated/api-schema.graphql');
mkdirSync(dirname(out), { recursive: true });
writeFileSync(out, apiSchemaSdl(DEFAULT_SUPERGRAPH_PATH));
console.log(`[gateway] API schema written to ${out}`);
