import type { Level } from '../jurisdiction/admin-code';

/**
 * A concept that exists at every level (unit, task, …) is one GraphQL interface with one
 * object type per level, so the type name tells the gateway which subgraph owns a record.
 * These are the prefixes those per-level names are built from.
 */
export const TYPE_PREFIX: Record<Level, 'City' | 'District' | 'Street'> = {
  city: 'City',
  district: 'District',
  street: 'Street',
};

/** `DistrictTask`, `StreetUnit`, …: the owning level's name for a shared concept. */
export function levelTypeName(level: Level, concept: string): string {
  return `${TYPE_PREFIX[level]}${concept}`;
}

/** `districtTask`, `createStreetUnit`, …: per-level root field names (root fields cannot be shared). */
export function levelFieldName(level: Level, concept: string, verb?: string): string {
  const typeName = levelTypeName(level, concept);
  return verb ? `${verb}${typeName}` : `${typeName[0].toLowerCase()}${typeName.slice(1)}`;
}

/** 市级 / 区级 / 街道（乡镇）级: a level as messages name it in Chinese. */
export const LEVEL_NAME_ZH: Record<Level, string> = {
  city: '市级',
  district: '区级',
  street: '街道（乡镇）级',
};
