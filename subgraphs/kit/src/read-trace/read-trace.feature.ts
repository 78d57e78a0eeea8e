import { readTraceMigration } from '../migrations';
import { defineFeature } from '../module/level-feature';
import { ReadTraceEntity } from './read-trace.entity';
import { createReadTraceModule } from './read-trace.module';

/**
 * 访问留痕 The level's read trace: its table, and the commission's queries over it. Resolvers of
 * protected records note their reads with `traceRead`; the subgraph's read-trace plugin writes
 * them, one row per request.
 */
export const readTraceFeature = defineFeature({
  name: 'readTrace',
  migrations: [readTraceMigration],
  entities: [ReadTraceEntity],
  build: (build) => [createReadTraceModule(build.level.level)],
});
