import type { EntityManager } from '@mikro-orm/postgresql';
import { GraphQLError } from 'graphql';
import { ACCOUNTABILITY_SUBJECT, askPeer } from '../cross-level/peer-operations';
import { badUserInput, notFound } from '../errors/graphql-errors';
import { CadreEntity } from '../org/cadre.entity';
import type { SubgraphContext } from '../server/context';
import { UnitEntity } from '../org/unit.entity';
import { levelOfCode, parentCode } from './admin-code';
import { namedJurisdiction } from './divisions';

/**
 * A level reviews its own units and the jurisdictions directly below it (the city its districts,
 * a district its streets), never further down: a street is the business of its district.
 */
export function assertOwnOrDirectlyBelow(ownerCode: string, code: string, field: string): string {
  if (!levelOfCode(code) || (code !== ownerCode && parentCode(code) !== ownerCode)) {
    throw badUserInput(field, `"${code}" 既不是 ${namedJurisdiction(ownerCode)} 也不是其直接下级 / is neither ${namedJurisdiction(ownerCode)} nor a jurisdiction directly below it`);
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
    if (!units.some((unit) => unit.id === reference.unitId)) throw notFound('unit', `${reference.unitId} (${fieldOf(index)}.unitId)`);
    if (reference.cadreId && !cadres.some((cadre) => cadre.id === reference.cadreId && cadre.unitId === reference.unitId)) {
      throw badUserInput(`${fieldOf(index)}.cadreId`, `不是单位 ${reference.unitId} 的干部 / is not a cadre of unit ${reference.unitId}`);
    }
  }
}

/** Answers of the lower level that mean "no such unit for this caller": all read as bad input here. */
const REFUSALS = new Set(['FORBIDDEN', 'NOT_FOUND', 'BAD_USER_INPUT', 'UNAUTHENTICATED']);

/**
 * 下级单位写入校验 Every unit a record names (a supervision contact or check, a duty-report
 * reporter, an assessed unit …) must exist in the jurisdiction the record says it is in, and that
 * jurisdiction must be the writer's own or one directly below (the caller checks the latter with
 * `assertOwnOrDirectlyBelow`). Own units are looked up here; units of the level below are asked
 * of that level's subgraph with the caller's token (`ACCOUNTABILITY_SUBJECT`), so a unit the
 * caller may not read is as absent as one that does not exist — the error never says which.
 * Called before the write's transaction: nothing is written when a unit is refused.
 */
export async function assertUnitsExist(
  context: SubgraphContext<unknown>,
  ownerCode: string,
  references: readonly UnitReference[],
  fieldOf: (index: number) => string,
): Promise<void> {
  await assertOwnUnitsExist(context.em, ownerCode, references, fieldOf);
  const below = references.map((reference, index) => ({ reference, index })).filter(({ reference }) => reference.jurisdictionCode !== ownerCode);
  await Promise.all(
    below.map(async ({ reference, index }) => {
      const field = fieldOf(index);
      const level = levelOfCode(reference.jurisdictionCode);
      if (!level) throw badUserInput(`${field}.jurisdictionCode`, `"${reference.jurisdictionCode}" 不是行政区划代码 / is not an administrative code`);
      const cadreId = reference.cadreId ?? null;
      let answer: { unit?: { id: string; jurisdictionCode: string } | null; cadre?: { id: string; jurisdictionCode: string; unitId?: string } | null };
      try {
        answer = await askPeer(context, ACCOUNTABILITY_SUBJECT, level, { unit: true, cadre: !!cadreId }, { unitId: reference.unitId, ...(cadreId ? { cadreId } : {}) });
      } catch (error) {
        const code = error instanceof GraphQLError ? error.extensions?.code : undefined;
        if (typeof code !== 'string' || !REFUSALS.has(code)) throw error;
        answer = { unit: null, cadre: null };
      }
      if (!answer.unit || answer.unit.jurisdictionCode !== reference.jurisdictionCode) {
        throw badUserInput(`${field}.unitId`, `${namedJurisdiction(reference.jurisdictionCode)} 没有单位 ${reference.unitId} / no unit ${reference.unitId} in ${namedJurisdiction(reference.jurisdictionCode)}`);
      }
      if (cadreId && (!answer.cadre || answer.cadre.unitId !== reference.unitId)) {
        throw badUserInput(`${field}.cadreId`, `不是单位 ${reference.unitId} 的领导干部 / is not a cadre of unit ${reference.unitId}`);
      }
    }),
  );
}
