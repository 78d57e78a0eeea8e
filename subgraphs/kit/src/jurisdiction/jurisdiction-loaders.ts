import type DataLoader from 'dataloader';

/** The least a jurisdiction record has, whatever its level. */
export interface JurisdictionRecord {
  code: string;
}

/**
 * The loaders every level's own jurisdiction feature provides, under the same names at each
 * level, so a shared module can type its context with them instead of asking the level for a
 * callback and casting `context.loaders` (`DistrictTask.district`, `StreetUnit.street`, …).
 */
export interface JurisdictionLoaders<J extends JurisdictionRecord = JurisdictionRecord> {
  /** One of this level's jurisdictions by its code (null: no such jurisdiction). */
  jurisdictionByCode: DataLoader<string, J | null>;
}

/**
 * Below the city: this level's jurisdictions directly under a parent, ordered by code (the
 * districts of a city, the streets of a district).
 */
export interface JurisdictionsUnderLoaders<J extends JurisdictionRecord = JurisdictionRecord> {
  jurisdictionsUnder: DataLoader<string, J[]>;
}
