import { createAuditModule } from '../audit/audit.module';
import { createDutyRecordLinksModule } from '../duty-record/duty-record-links.module';
import { createDutyRecordModule } from '../duty-record/duty-record.module';
import { createOrgModule } from '../org/org.module';
import { createItemBreakdownModule } from '../responsibility/item-breakdown.module';
import { createResponsibilityModule } from '../responsibility/responsibility.module';
import { createTaskModule } from '../task/task.module';
import type { LevelOptions } from './subgraph-module';

/**
 * The records every level keeps for itself, the same at city, district and street: its audit
 * chain, units and cadres, responsibility lists, tasks and duty records. Built in one place
 * because the modules depend on each other's types (a task's cadre is the level's Cadre type).
 */
export function createLevelRecordModules(level: LevelOptions) {
  const audit = createAuditModule(level.level);
  const org = createOrgModule(level);
  const responsibility = createResponsibilityModule(level, org);
  const breakdown = createItemBreakdownModule(level, responsibility.ResponsibilityItemType);
  const tasks = createTaskModule(level, { CadreType: org.CadreType, ResponsibilityItemType: responsibility.ResponsibilityItemType });
  const dutyRecords = createDutyRecordModule(level, org.CadreType);
  const dutyRecordLinks = createDutyRecordLinksModule({
    TaskType: tasks.TaskType,
    ResponsibilityItemType: responsibility.ResponsibilityItemType,
    DutyRecordType: dutyRecords.DutyRecordType,
  });
  return {
    modules: [audit, org, responsibility, breakdown, tasks, dutyRecords, dutyRecordLinks] as const,
    /** The level's own types, for modules that point at units, cadres, items or tasks. */
    types: {
      UnitType: org.UnitType,
      CadreType: org.CadreType,
      ResponsibilityItemType: responsibility.ResponsibilityItemType,
      TaskType: tasks.TaskType,
      DutyRecordType: dutyRecords.DutyRecordType,
      AuditEntryType: audit.AuditEntryType,
    },
  };
}
