import { Ctx, FieldResolver, Resolver, Root } from 'type-graphql';
import { levelOfCode, type Level } from '../jurisdiction/admin-code';
import { UnitEntity } from '../org/unit.entity';
import type { ClassType } from '../pagination/connection';
import type { SubgraphContext } from '../server/context';

/**
 * The unit a contact, check or finding is about: `cityUnit` for the level's own units (resolved
 * here), `districtUnit` as a key-only stub of the level below's (completed by the gateway). Only
 * one of the two is set, by the code of the unit's jurisdiction.
 */
export function createSupervisedUnitFields(level: Level, below: Level, unitType: ClassType, LowerUnitRef: ClassType) {
  return function unitFieldsResolver(target: ClassType) {
    @Resolver(() => target)
    class UnitFields {
      @FieldResolver(() => unitType, { name: `${level}Unit`, nullable: true, description: `单位 The unit, when it is a ${level} unit.` })
      async ownUnit(@Root() record: { unitId: string; unitJurisdictionCode: string }, @Ctx() context: SubgraphContext<unknown>): Promise<UnitEntity | null> {
        if (levelOfCode(record.unitJurisdictionCode) !== level) return null;
        return context.em.findOne(UnitEntity, { id: record.unitId });
      }

      @FieldResolver(() => LowerUnitRef, { name: `${below}Unit`, nullable: true, description: `单位 The unit, when it is a ${below} unit.` })
      lowerUnit(@Root() record: { unitId: string; unitJurisdictionCode: string }): { id: string } | null {
        return levelOfCode(record.unitJurisdictionCode) === below ? { id: record.unitId } : null;
      }
    }
    return UnitFields;
  };
}
