import { entityStub } from '../citywide/entity-stub';
import { AssessmentSheetEntity } from '../assessment/assessment.entity';
import type { AssessmentLoaders } from '../assessment/assessment.loaders';
import { DutyRecordEntity } from '../duty-record/duty-record.entity';
import type { DutyRecordLoaders } from '../duty-record/duty-record.loaders';
import type { Level } from '../jurisdiction/admin-code';
import { levelTypeName } from '../level/level-names';
import { CadreEntity } from '../org/cadre.entity';
import { UnitEntity } from '../org/unit.entity';
import type { ClassType } from '../pagination/connection';
import { ResponsibilityItemEntity } from '../responsibility/responsibility-item.entity';
import type { ResponsibilityLoaders } from '../responsibility/responsibility.loaders';
import type { RectificationLoaders } from '../supervision/rectification.module';
import { RectificationReportEntity, SupervisionFindingEntity } from '../supervision/supervision.entities';
import type { SupervisionLoaders } from '../supervision/supervision.loaders';
import { TaskEntity } from '../task/task.entity';
import type { TaskLoaders } from '../task/task.loaders';
import type { AccountabilityBasisEntity } from './accountability.entity';
import type { BasisRecordConcept } from './accountability.enums';

/**
 * How a case points at records of two levels: the level's own records are loaded here, the level
 * below's are key-only stubs (`{ __typename, id }`) that the gateway completes from their owner.
 */

/** A key-only stub of the level below's entity: the gateway completes it from its owner. */
export function stubOf(typeName: string): ClassType {
  // One class per type name, shared with the city-wide lists: two classes of one name cannot share a schema.
  return entityStub(typeName);
}

/** `{ __typename, id }`: what the gateway needs to fetch a record from the level that owns it. */
export interface StubValue {
  __typename: string;
  id: string;
}

/** The stubs of the level below's records a case of `below`'s parent may cite or name. */
export function lowerStubs(below: Level) {
  return {
    Cadre: stubOf(levelTypeName(below, 'Cadre')),
    ResponsibilityItem: stubOf(levelTypeName(below, 'ResponsibilityItem')),
    Task: stubOf(levelTypeName(below, 'Task')),
    DutyRecord: stubOf(levelTypeName(below, 'DutyRecord')),
    RectificationReport: stubOf(levelTypeName(below, 'RectificationReport')),
    // Only a district, below the city, supervises and assesses.
    ...(below === 'district'
      ? { SupervisionFinding: stubOf(levelTypeName(below, 'SupervisionFinding')), AssessmentScoreSheet: stubOf(levelTypeName(below, 'AssessmentScoreSheet')) }
      : {}),
  };
}

const LOCAL_CONCEPTS: [Function, BasisRecordConcept | 'Unit' | 'Cadre'][] = [
  [ResponsibilityItemEntity, 'ResponsibilityItem'],
  [TaskEntity, 'Task'],
  [DutyRecordEntity, 'DutyRecord'],
  [SupervisionFindingEntity, 'SupervisionFinding'],
  [RectificationReportEntity, 'RectificationReport'],
  [AssessmentSheetEntity, 'AssessmentScoreSheet'],
  [UnitEntity, 'Unit'],
  [CadreEntity, 'Cadre'],
];

/** A union member's type name: a local entity's is read off its class; a stub carries its own. */
export function unionTypeName(level: Level, value: StubValue | object): string {
  if ('__typename' in value) return value.__typename;
  const concept = LOCAL_CONCEPTS.find(([entity]) => value instanceof entity)?.[1];
  if (!concept) throw new Error('accountability: a value of unknown type in a union');
  return levelTypeName(level, concept);
}

export type BasisRecordLoaders = ResponsibilityLoaders & TaskLoaders & DutyRecordLoaders & SupervisionLoaders & RectificationLoaders & AssessmentLoaders;

/** The cited record as its owning level holds it now: loaded when it is this level's, a stub otherwise. */
export function basisRecord(level: Level, basis: AccountabilityBasisEntity, loaders: BasisRecordLoaders): Promise<object | null> | StubValue {
  if (basis.recordLevel !== level) return { __typename: levelTypeName(basis.recordLevel, basis.recordType), id: basis.recordId };
  switch (basis.recordType) {
    case 'ResponsibilityItem':
      return loaders.responsibilityItemById.load(basis.recordId);
    case 'Task':
      return loaders.taskById.load(basis.recordId);
    case 'DutyRecord':
      return loaders.dutyRecordById.load(basis.recordId);
    case 'SupervisionFinding':
      return loaders.supervisionFindingById.load(basis.recordId);
    case 'RectificationReport':
      return loaders.rectificationReportById.load(basis.recordId);
    case 'AssessmentScoreSheet':
      return loaders.assessmentSheetById.load(basis.recordId);
  }
}
