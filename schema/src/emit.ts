import { writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { composeSchemas, SCHEMA_DIR } from './compose';

async function main(): Promise<void> {
  const { files } = await composeSchemas();
  for (const [name, contents] of Object.entries(files)) {
    writeFileSync(join(SCHEMA_DIR, name), contents);
    console.log(`wrote schema/${name}`);
  }
}

main().catch((error: unknown) => {
  console.error(error instanceof Error ? error.message : error);
  process.exit(1);
});
