import type { MigrationObject } from '@mikro-orm/core';
import { Migration20261127000000_jurisdiction } from './Migration20261127000000_jurisdiction';

/**
 * The city level's own migration (its jurisdiction table). The shared ones come from the
 * features listed in `subgraph.ts`, which also fix the order (`orderMigrations`).
 */
export const cityJurisdictionMigration: MigrationObject = {
  name: 'Migration20261127000000_jurisdiction',
  class: Migration20261127000000_jurisdiction,
};
