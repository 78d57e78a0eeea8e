import { Entity, Index, OptionalProps, PrimaryKey, Property, Unique } from '@mikro-orm/core';
import { newId } from '../../ids';
import type { SupervisionMethodCode } from '../supervision.entities';

/*
 * 派驻纪检监察组 Stationed discipline-inspection groups and their engagements, owned by the
 * commission that stations them (the city's or a district's database). Host units are units of
 * that same jurisdiction, so they are plain ids checked against its own `unit` table.
 */

export const STATIONED_MEMBER_ROLES = ['LEADER', 'DEPUTY_LEADER', 'MEMBER'] as const;
export type StationedMemberRoleCode = (typeof STATIONED_MEMBER_ROLES)[number];

/** A member of a group: name, position and role in the group; no personal ids beyond that. */
export interface StationedMember {
  name: string;
  position: string;
  role: StationedMemberRoleCode;
}

/** 派驻纪检监察组 A group stationed by a commission at the units it supervises (驻在单位 / 综合监督单位). */
@Entity({ tableName: 'stationed_group' })
@Unique({ properties: ['jurisdictionCode', 'name'] })
export class StationedGroupEntity {
  [OptionalProps]?: 'id' | 'version' | 'createdAt' | 'updatedAt';

  @PrimaryKey({ type: 'uuid' })
  id: string = newId();

  /** The commission that stations the group (and owns the record). */
  @Index()
  @Property({ type: 'string', length: 9 })
  jurisdictionCode!: string;

  @Property({ type: 'string', length: 200 })
  name!: string;

  /** Units of `jurisdictionCode` the group supervises, the host unit (驻在单位) first. */
  @Property({ type: 'json' })
  hostUnitIds!: string[];

  @Property({ type: 'json' })
  members!: StationedMember[];

  @Property({ type: 'integer', version: true })
  version: number = 1;

  @Property({ type: 'string' })
  createdBy!: string;

  @Property({ type: 'Date' })
  createdAt: Date = new Date();

  @Property({ type: 'Date', onUpdate: () => new Date() })
  updatedAt: Date = new Date();
}

export const STATIONED_ENGAGEMENT_MODES = ['STATIONED_POINT', 'EMBEDDED'] as const;
export type StationedEngagementModeCode = (typeof STATIONED_ENGAGEMENT_MODES)[number];
export const STATIONED_REASON_SOURCES = ['PLATFORM_SIGNAL', 'SUPERVISION_FINDING'] as const;
export type StationedReasonSourceCode = (typeof STATIONED_REASON_SOURCES)[number];

/** 个别谈话 One talk: who (position, unit), when, and what was said (CONFIDENTIAL in the API). */
export interface StationedTalk {
  heldOn: string;
  intervieweePosition: string;
  intervieweeUnit: string;
  summary: string;
}

/** 听取汇报 One report heard. */
export interface StationedReportHeard {
  heardOn: string;
  reporterPosition: string;
  topic: string;
}

/** 查阅资料 Documents reviewed. */
export interface StationedDocumentReview {
  count: number;
  note: string | null;
}

/** 问卷调查 A questionnaire's result. */
export interface StationedQuestionnaire {
  respondents: number;
  questions: number;
  /** Share of respondents satisfied / agreeing, in percent (0–100). */
  satisfactionRate: number;
  note: string | null;
}

/** 民主测评 A democratic evaluation's result: how many rated 好 / 较好 / 一般 / 差. */
export interface StationedDemocraticEvaluation {
  participants: number;
  good: number;
  fairlyGood: number;
  average: number;
  poor: number;
  note: string | null;
}

/**
 * 驻点监督 / 进驻式监督 One engagement of a group at one host unit: why, when, which methods and
 * what each produced. Closing it records a supervision check of the host unit (`checkId`) whose
 * findings are ordinary findings.
 */
@Entity({ tableName: 'stationed_engagement' })
export class StationedEngagementEntity {
  [OptionalProps]?:
    | 'id'
    | 'reasonFindingId'
    | 'reasonTaskId'
    | 'endedOn'
    | 'talks'
    | 'reportsHeard'
    | 'documentsReviewed'
    | 'questionnaire'
    | 'democraticEvaluation'
    | 'summary'
    | 'checkId'
    | 'version'
    | 'createdAt'
    | 'updatedAt';

  @PrimaryKey({ type: 'uuid' })
  id: string = newId();

  @Property({ type: 'string', length: 9 })
  jurisdictionCode!: string;

  @Index()
  @Property({ type: 'uuid' })
  groupId!: string;

  /** The host unit supervised in this engagement (one of the group's). */
  @Index()
  @Property({ type: 'uuid' })
  unitId!: string;

  @Property({ type: 'string', length: 20 })
  mode!: StationedEngagementModeCode;

  @Property({ type: 'string', length: 30 })
  reasonSource!: StationedReasonSourceCode;

  @Property({ type: 'text' })
  reason!: string;

  /** The finding (of this commission) that prompted it, if any. */
  @Property({ type: 'uuid', nullable: true })
  reasonFindingId: string | null = null;

  /** The platform's signal that prompted it, if any: a task of the jurisdiction (overdue, stalled). */
  @Property({ type: 'uuid', nullable: true })
  reasonTaskId: string | null = null;

  @Property({ type: 'date' })
  startedOn!: string;

  @Property({ type: 'date', nullable: true })
  endedOn: string | null = null;

  @Property({ type: 'json' })
  methods!: SupervisionMethodCode[];

  @Property({ type: 'json' })
  talks: StationedTalk[] = [];

  @Property({ type: 'json' })
  reportsHeard: StationedReportHeard[] = [];

  @Property({ type: 'json', nullable: true })
  documentsReviewed: StationedDocumentReview | null = null;

  @Property({ type: 'json', nullable: true })
  questionnaire: StationedQuestionnaire | null = null;

  @Property({ type: 'json', nullable: true })
  democraticEvaluation: StationedDemocraticEvaluation | null = null;

  /** What the engagement concluded, written when it is closed. */
  @Property({ type: 'text', nullable: true })
  summary: string | null = null;

  /** The supervision check recorded when it closed. */
  @Property({ type: 'uuid', nullable: true })
  checkId: string | null = null;

  @Property({ type: 'integer', version: true })
  version: number = 1;

  @Property({ type: 'string' })
  createdBy!: string;

  @Property({ type: 'Date' })
  createdAt: Date = new Date();

  @Property({ type: 'Date', onUpdate: () => new Date() })
  updatedAt: Date = new Date();
}

export const STATIONED_ENTITIES = [StationedGroupEntity, StationedEngagementEntity];
