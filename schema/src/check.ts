import { existsSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { composeSchemas, SCHEMA_DIR } from './compose';
import { apiDescriptionProblems } from './api-schema-descriptions';
import { checkPeerDocuments } from './peer-documents';

/** Fails when the committed SDL files differ from what the code produces now. */
async function main(): Promise<void> {
  const { files, disagreements } = await composeSchemas();
  if (disagreements.length > 0) {
    console.error(`schema check failed: the composers disagree\n${disagreements.join('\n')}`);
    process.exit(1);
  }
  const stale = Object.entries(files)
    .filter(([name, contents]) => {
      const path = join(SCHEMA_DIR, name);
      return !existsSync(path) || readFileSync(path, 'utf8') !== contents;
    })
    .map(([name]) => `schema/${name}`);
  if (stale.length > 0) {
    console.error(`schema check failed: ${stale.join(', ')} out of date; run \`npm run schema:emit\` and commit.`);
    process.exit(1);
  }
  const peerProblems = checkPeerDocuments();
  if (peerProblems.length > 0) {
    console.error(`schema check failed: cross-level operations do not match the committed schemas:\n- ${peerProblems.join('\n- ')}`);
    process.exit(1);
  }
  const undescribed = apiDescriptionProblems(files['supergraph.graphql']);
  if (undescribed.length > 0) {
    console.error(`schema check failed: ${undescribed.length} types, fields, arguments or enum values lack a description in Chinese and English:\n- ${undescribed.slice(0, 50).join('\n- ')}`);
    process.exit(1);
  }
  console.log(`schema check passed: ${Object.keys(files).length} files current, cross-level operations valid, every type and field described; Apollo's and The Guild's composers agree`);
}

main().catch((error: unknown) => {
  console.error(error instanceof Error ? error.message : error);
  process.exit(1);
});
