import type { EntityClass } from '@mikro-orm/core';
import { AssessmentInterviewEntity } from '../assessment/assessment.entity';
import { DutyRecordEntity } from '../duty-record/duty-record.entity';
import { CadreEntity } from '../org/cadre.entity';
import { UnitEntity } from '../org/unit.entity';
import type { ClassType } from '../pagination/connection';
import { SupervisionCheckEntity, SupervisionFindingEntity } from '../supervision/supervision.entities';
import { TaskEntity } from '../task/task.entity';
import type { CitywideListName } from './citywide-lists';

/** The merging level's own types of the records the lists return (the others are stubs). */
export interface CitywideOwnTypes {
  TaskType: ClassType;
  DutyRecordType: ClassType;
  CadreType: ClassType;
  UnitType: ClassType;
  FindingType: ClassType;
  CheckType: ClassType;
  InterviewType: ClassType;
  DirectiveType: ClassType;
  /** The merging level's stub of the District entity, for the figures. */
  DistrictType: ClassType;
}

/**
 * One city-wide list as a root field answers it: the GraphQL names (`Citywide<name>Record`,
 * `…Connection`), the merging level's own record entity and type, and the order used when the
 * caller names none.
 */
export interface ListBinding {
  list: CitywideListName;
  name: string;
  label: string;
  entity: EntityClass<object>;
  own: keyof CitywideOwnTypes;
  defaultSort: string;
  defaultDirection: 'asc' | 'desc';
}

export const CITYWIDE_BINDINGS: readonly ListBinding[] = [
  { list: 'tasks', name: 'Task', label: '全市任务 City-wide tasks', entity: TaskEntity, own: 'TaskType', defaultSort: 'DAYS_OVERDUE', defaultDirection: 'desc' },
  { list: 'dutyRecords', name: 'DutyRecord', label: '全市履职纪实 City-wide duty records', entity: DutyRecordEntity, own: 'DutyRecordType', defaultSort: 'OCCURRED_ON', defaultDirection: 'desc' },
  { list: 'cadres', name: 'Cadre', label: '全市干部 City-wide cadres', entity: CadreEntity, own: 'CadreType', defaultSort: 'NAME', defaultDirection: 'asc' },
  { list: 'units', name: 'Unit', label: '全市单位 City-wide units', entity: UnitEntity, own: 'UnitType', defaultSort: 'NAME', defaultDirection: 'asc' },
  { list: 'findings', name: 'Finding', label: '全市问题 City-wide supervision findings', entity: SupervisionFindingEntity, own: 'FindingType', defaultSort: 'DAYS_OVERDUE', defaultDirection: 'desc' },
  { list: 'checks', name: 'Check', label: '全市监督检查 City-wide supervision checks', entity: SupervisionCheckEntity, own: 'CheckType', defaultSort: 'CHECKED_ON', defaultDirection: 'desc' },
  { list: 'interviews', name: 'Interview', label: '全市约谈 City-wide assessment interviews', entity: AssessmentInterviewEntity, own: 'InterviewType', defaultSort: 'HELD_ON', defaultDirection: 'asc' },
];

export function bindingOf(list: CitywideListName): ListBinding {
  return CITYWIDE_BINDINGS.find((candidate) => candidate.list === list)!;
}
