import type { EntityManager } from '@mikro-orm/postgresql';
import { badUserInput, notFound } from '../errors/graphql-errors';
import { CadreEntity } from '../org/cadre.entity';
import { UnitEntity } from '../org/unit.entity';
import { levelOfCode, parentCode } from './admin-code';

/**
 * A level reviews its own units and the jurisdictions directly below it (the city its districts,
 * a district its streets), never further down: a street is the business of its district.
 */
export function assertOwnOrDirectlyBelow(ownerCode: string, code: string, field: string): string {
  if (!levelOfCode(code) || (code !== ownerCode && parentCode(code) !== ownerCode)) {
    throw badUserInput(field, `"${code}" is neither ${ownerCode} nor a jurisdiction directly below it`);
  }
  return code;
}

export interface UnitReference {
  jurisdictionCode: string;
  unitId: string;
  cadreId?: string | null;
}

/**
 * Units of the level's own jurisdiction live in this database, so their ids are checked; units
 * below live in another database and stay plain ids. One statement per table for the whole list.
 */
export async function assertOwnUnitsExist(
  em: EntityManager,
  ownerCode: string,
  references: readonly UnitReference[],
  fieldOf: (index: number) => string,
): Promise<void> {
  const own = references.map((reference, index) => ({ reference, index })).filter(({ reference }) => reference.jurisdictionCode === ownerCode);
  if (own.length === 0) return;
  const units = await em.find(UnitEntity, { id: { $in: own.map(({ reference }) => reference.unitId) }, jurisdictionCode: ownerCode });
  const cadreIds = own.map(({ reference }) => reference.cadreId).filter((id): id is string => !!id);
  const cadres = cadreIds.length > 0 ? await em.find(CadreEntity, { id: { $in: cadreIds } }) : [];
  for (const { reference, index } of own) {
    if (!units.some((unit) => unit.id === reference.unitId)) throw notFound(`unit (${fieldOf(index)}.unitId)`, reference.unitId);
    if (reference.cadreId && !cadres.some((cadre) => cadre.id === reference.cadreId && cadre.unitId === reference.unitId)) {
      throw badUserInput(`${fieldOf(index)}.cadreId`, `is not a cadre of unit ${reference.unitId}`);
    }
  }
}
