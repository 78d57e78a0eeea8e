import { DecimalType, Entity, Index, PrimaryKey, Property, OptionalProps } from '@mikro-orm/core';
import { newId } from '../ids';
import { NamedUnitColumns } from '../org/named-unit';

export const DUTY_REPORT_RATINGS = ['GOOD', 'FAIRLY_GOOD', 'AVERAGE', 'POOR'] as const;
export type DutyReportRatingCode = (typeof DUTY_REPORT_RATINGS)[number];

/** 述责述廉会议 One session of a level's commission plenary where principal leaders report. */
@Entity({ tableName: 'duty_report_session' })
@Index({ properties: ['ownerCode', 'heldOn'] })
export class DutyReportSessionEntity {
  [OptionalProps]?: 'id' | 'createdAt';

  @PrimaryKey({ type: 'uuid' })
  id: string = newId();

  /** The level that holds the session (city or district code). */
  @Property({ type: 'string', length: 9 })
  ownerCode!: string;

  @Property({ type: 'string', length: 200 })
  title!: string;

  @Property({ type: 'date' })
  heldOn!: string;

  @Property({ type: 'string' })
  createdBy!: string;

  @Property({ type: 'Date' })
  createdAt: Date = new Date();
}

/**
 * 述责人 A principal leader who reports at a session. The unit and cadre are plain ids (they may
 * live in the level below's database); names are kept as they stood on the day, as the
 * session's minutes would.
 */
@Entity({ tableName: 'duty_report_reporter' })
export class DutyReportReporterEntity extends NamedUnitColumns {
  [OptionalProps]?: 'id' | 'rating' | 'score' | 'remarks' | 'evaluatedBy' | 'evaluatedAt';

  @PrimaryKey({ type: 'uuid' })
  id: string = newId();

  @Index()
  @Property({ type: 'uuid' })
  sessionId!: string;

  @Property({ type: 'string', length: 9 })
  ownerCode!: string;

  /** Order of reporting. */
  @Property({ type: 'integer' })
  position!: number;

  @Property({ type: 'uuid' })
  cadreId!: string;

  @Property({ type: 'string', length: 100 })
  cadreName!: string;

  @Property({ type: 'string', length: 200 })
  cadrePosition!: string;

  @Property({ type: 'string', length: 20, nullable: true })
  rating: DutyReportRatingCode | null = null;

  @Property({ type: new DecimalType('number'), nullable: true })
  score: number | null = null;

  @Property({ type: 'text', nullable: true })
  remarks: string | null = null;

  @Property({ type: 'string', nullable: true })
  evaluatedBy: string | null = null;

  @Property({ type: 'Date', nullable: true })
  evaluatedAt: Date | null = null;
}

/** 询问质询 A question put to a reporter at the session, and the reporter's answer. */
@Entity({ tableName: 'duty_report_question' })
export class DutyReportQuestionEntity {
  [OptionalProps]?: 'id' | 'askedAt' | 'answer' | 'answererCode' | 'answeredBy' | 'answeredAt';

  @PrimaryKey({ type: 'uuid' })
  id: string = newId();

  @Property({ type: 'uuid' })
  sessionId!: string;

  @Index()
  @Property({ type: 'uuid' })
  reporterId!: string;

  @Property({ type: 'string', length: 9 })
  ownerCode!: string;

  @Property({ type: 'string', length: 100 })
  askerName!: string;

  @Property({ type: 'text' })
  question!: string;

  @Property({ type: 'string' })
  askedBy!: string;

  @Property({ type: 'Date' })
  askedAt: Date = new Date();

  @Property({ type: 'text', nullable: true })
  answer: string | null = null;

  /** The jurisdiction that wrote the answer: the reporter's own. */
  @Property({ type: 'string', length: 9, nullable: true })
  answererCode: string | null = null;

  @Property({ type: 'string', nullable: true })
  answeredBy: string | null = null;

  @Property({ type: 'Date', nullable: true })
  answeredAt: Date | null = null;
}

export const DUTY_REPORT_ENTITIES = [DutyReportSessionEntity, DutyReportReporterEntity, DutyReportQuestionEntity];
