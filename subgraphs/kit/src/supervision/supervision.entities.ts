import type { FindingStatusCode } from './finding-status';
import { Entity, Index, OptionalProps, PrimaryKey, Property, Unique } from '@mikro-orm/core';
import { newId } from '../ids';

/*
 * Supervision records, owned by the supervising level (the city's and the districts' databases).
 * A supervised unit may live in another level's database, so it is stored as its id plus its
 * jurisdiction code, never as a foreign key.
 */

/** 监督检查室 A supervision office of a supervising jurisdiction. */
@Entity({ tableName: 'supervision_office' })
export class SupervisionOfficeEntity {
  [OptionalProps]?: 'id' | 'createdAt';

  @PrimaryKey({ type: 'uuid' })
  id: string = newId();

  @Index()
  @Property({ type: 'string', length: 9 })
  jurisdictionCode!: string;

  @Property({ type: 'string', length: 200 })
  name!: string;

  @Property({ type: 'Date' })
  createdAt: Date = new Date();
}

/**
 * 联系单位 A unit an office keeps in contact with and checks, for an interval of days: on the list
 * from `addedOn`, off it from `removedOn`. A contact is never deleted or backdated (both days are
 * the day of the change, Tianjin), so the list as it stood on any day — the one a draw uses
 * (`draw-cutoff.ts`) — can be recomputed by anyone. One current row per office and unit (a
 * partial unique index); a unit removed and added again has two rows.
 */
@Entity({ tableName: 'supervision_contact' })
export class SupervisionContactEntity {
  [OptionalProps]?: 'id' | 'createdAt' | 'addedBy' | 'removedOn' | 'removedBy';

  @PrimaryKey({ type: 'uuid' })
  id: string = newId();

  @Index()
  @Property({ type: 'uuid' })
  officeId!: string;

  @Property({ type: 'uuid' })
  unitId!: string;

  @Property({ type: 'string', length: 9 })
  unitJurisdictionCode!: string;

  /** The day it was put on the list (Tianjin). */
  @Property({ type: 'date' })
  addedOn!: string;

  /** Who put it there (token subject); null for contacts recorded before this was kept. */
  @Property({ type: 'string', nullable: true })
  addedBy: string | null = null;

  /** The day it was taken off the list (Tianjin); null while it is on it. */
  @Property({ type: 'date', nullable: true })
  removedOn: string | null = null;

  @Property({ type: 'string', nullable: true })
  removedBy: string | null = null;

  @Property({ type: 'Date' })
  createdAt: Date = new Date();
}

/** 季度抽查计划 One office's quarterly draw, with the seed that reproduces it. */
@Entity({ tableName: 'supervision_plan' })
@Unique({ properties: ['officeId', 'year', 'quarter'] })
export class SupervisionPlanEntity {
  [OptionalProps]?: 'id' | 'drawnAt' | 'seedSource' | 'contactUnitIds' | 'drawnEarlierUnitIds' | 'contactsAsOf';

  @PrimaryKey({ type: 'uuid' })
  id: string = newId();

  @Property({ type: 'uuid' })
  officeId!: string;

  @Property({ type: 'string', length: 9 })
  jurisdictionCode!: string;

  @Property({ type: 'integer' })
  year!: number;

  @Property({ type: 'smallint' })
  quarter!: number;

  @Property({ type: 'integer' })
  seed!: number;

  /** The drawn units, in draw order. */
  @Property({ type: 'json' })
  unitIds!: string[];

  /** The text the seed is the SHA-256 of (`draw-seed.ts`); null for plans drawn before it was recorded. */
  @Property({ type: 'text', nullable: true })
  seedSource: string | null = null;

  /** The office's contact units at the cutoff (sorted). */
  @Property({ type: 'json', nullable: true })
  contactUnitIds: string[] | null = null;

  /** The day at whose end the contact list was taken (`draw-cutoff.ts`); null for plans drawn before the list was frozen. */
  @Property({ type: 'date', nullable: true })
  contactsAsOf: string | null = null;

  /** Units drawn in the year's earlier quarters (sorted), left out of this draw. */
  @Property({ type: 'json', nullable: true })
  drawnEarlierUnitIds: string[] | null = null;

  @Property({ type: 'string' })
  drawnBy!: string;

  @Property({ type: 'Date' })
  drawnAt: Date = new Date();
}

export const CHECK_KINDS = ['ROUTINE', 'FOLLOW_UP'] as const;
export type CheckKindCode = (typeof CHECK_KINDS)[number];
export const CHECK_MODES = ['ON_SITE', 'ONLINE'] as const;
export type CheckModeCode = (typeof CHECK_MODES)[number];
export const SUPERVISION_METHODS = [
  'REPORT_HEARING',
  'ONE_TO_ONE_TALK',
  'DOCUMENT_REVIEW',
  'DEMOCRATIC_EVALUATION',
  'QUESTIONNAIRE',
] as const;
export type SupervisionMethodCode = (typeof SUPERVISION_METHODS)[number];

export interface SpotCheck {
  description: string | null;
  responsibilityItemId: string | null;
}

/** 监督检查 One check of one unit (routine, or a follow-up 回头看 of earlier findings). */
@Entity({ tableName: 'supervision_check' })
@Index({ properties: ['unitJurisdictionCode'] })
export class SupervisionCheckEntity {
  [OptionalProps]?: 'id' | 'officeId' | 'planId' | 'stationed' | 'engagementId' | 'createdAt';

  @PrimaryKey({ type: 'uuid' })
  id: string = newId();

  @Index()
  @Property({ type: 'string', length: 9 })
  jurisdictionCode!: string;

  @Property({ type: 'uuid', nullable: true })
  officeId: string | null = null;

  @Index()
  @Property({ type: 'uuid', nullable: true })
  planId: string | null = null;

  @Property({ type: 'uuid' })
  unitId!: string;

  @Property({ type: 'string', length: 9 })
  unitJurisdictionCode!: string;

  @Property({ type: 'string', length: 20 })
  kind!: CheckKindCode;

  @Property({ type: 'string', length: 20 })
  mode!: CheckModeCode;

  /** 驻点/进驻式监督 Stationed (embedded) supervision. */
  @Property({ type: 'boolean' })
  stationed: boolean = false;

  /** 驻点监督 The stationed group's engagement this check closed (supervision/stationed/). */
  @Property({ type: 'uuid', nullable: true })
  engagementId: string | null = null;

  @Property({ type: 'json' })
  methods!: SupervisionMethodCode[];

  @Property({ type: 'json' })
  spotChecks!: SpotCheck[];

  @Property({ type: 'date' })
  checkedOn!: string;

  @Property({ type: 'text' })
  summary!: string;

  @Property({ type: 'string' })
  createdBy!: string;

  @Property({ type: 'Date' })
  createdAt: Date = new Date();
}

export { FINDING_STATUSES, type FindingStatusCode } from './finding-status';

/**
 * 问题 A finding against a supervised unit, with its rectification deadline. "Overdue" is derived
 * from the deadline whenever it is read, never stored.
 */
@Entity({ tableName: 'supervision_finding' })
@Index({ properties: ['unitJurisdictionCode', 'status'] })
export class SupervisionFindingEntity {
  [OptionalProps]?:
    | 'id'
    | 'cadreId'
    | 'responsibilityItemId'
    | 'taskId'
    | 'status'
    | 'lastReportId'
    | 'reopenCount'
    | 'closedAt'
    | 'createdAt'
    | 'updatedAt';

  @PrimaryKey({ type: 'uuid' })
  id: string = newId();

  /** The supervising jurisdiction that owns the finding. */
  @Index()
  @Property({ type: 'string', length: 9 })
  jurisdictionCode!: string;

  @Index()
  @Property({ type: 'uuid' })
  checkId!: string;

  @Index()
  @Property({ type: 'uuid' })
  unitId!: string;

  @Property({ type: 'string', length: 9 })
  unitJurisdictionCode!: string;

  @Property({ type: 'uuid', nullable: true })
  cadreId: string | null = null;

  @Property({ type: 'uuid', nullable: true })
  responsibilityItemId: string | null = null;

  @Property({ type: 'uuid', nullable: true })
  taskId: string | null = null;

  @Property({ type: 'text' })
  description!: string;

  @Property({ type: 'date' })
  deadline!: string;

  @Property({ type: 'string', length: 20 })
  status: FindingStatusCode = 'OPEN';

  /** The rectification report under review (it lives in the supervised level's database). */
  @Property({ type: 'uuid', nullable: true })
  lastReportId: string | null = null;

  /** How often a follow-up check found it not fixed (查而不改). */
  @Property({ type: 'integer' })
  reopenCount: number = 0;

  @Property({ type: 'Date', nullable: true })
  closedAt: Date | null = null;

  @Property({ type: 'Date' })
  createdAt: Date = new Date();

  @Property({ type: 'Date', onUpdate: () => new Date() })
  updatedAt: Date = new Date();
}

export const FINDING_EVENTS = ['REPORTED', 'ACCEPTED', 'SENT_BACK', 'CONFIRMED', 'REOPENED', 'WITHDRAWN'] as const;
export type FindingEventCode = (typeof FINDING_EVENTS)[number];

/** One step in a finding's life: a report received, a decision on it, a follow-up outcome. */
@Entity({ tableName: 'supervision_finding_event' })
export class SupervisionFindingEventEntity {
  [OptionalProps]?: 'id' | 'reportId' | 'checkId' | 'comment' | 'at';

  @PrimaryKey({ type: 'uuid' })
  id: string = newId();

  @Index()
  @Property({ type: 'uuid' })
  findingId!: string;

  @Property({ type: 'string', length: 20 })
  event!: FindingEventCode;

  @Property({ type: 'uuid', nullable: true })
  reportId: string | null = null;

  /** The follow-up check that confirmed or re-opened the finding. */
  @Property({ type: 'uuid', nullable: true })
  checkId: string | null = null;

  @Property({ type: 'text', nullable: true })
  comment: string | null = null;

  @Property({ type: 'string' })
  actor!: string;

  @Property({ type: 'Date' })
  at: Date = new Date();
}

/**
 * 整改报告 A rectification report, owned by the supervised level and stored in its database: the
 * finding it answers lives in the supervising level's database (or the same one, for a city
 * department or a district's own unit).
 */
@Entity({ tableName: 'rectification_report' })
export class RectificationReportEntity {
  [OptionalProps]?: 'id' | 'submittedAt';

  @PrimaryKey({ type: 'uuid' })
  id: string = newId();

  @Index()
  @Property({ type: 'uuid' })
  findingId!: string;

  /** The supervising jurisdiction that owns the finding. */
  @Property({ type: 'string', length: 9 })
  supervisingCode!: string;

  @Property({ type: 'uuid' })
  unitId!: string;

  /** The supervised unit's jurisdiction, which owns the report. */
  @Index()
  @Property({ type: 'string', length: 9 })
  jurisdictionCode!: string;

  @Property({ type: 'text' })
  summary!: string;

  @Property({ type: 'string' })
  submittedBy!: string;

  @Property({ type: 'Date' })
  submittedAt: Date = new Date();
}

/** Tables of `supervisionChecksMigration` (city, district) and `rectificationReportsMigration` (every level). */
export const SUPERVISION_CHECK_ENTITIES = [
  SupervisionOfficeEntity,
  SupervisionContactEntity,
  SupervisionPlanEntity,
  SupervisionCheckEntity,
  SupervisionFindingEntity,
  SupervisionFindingEventEntity,
];
export const RECTIFICATION_ENTITIES = [RectificationReportEntity];
