import { Directive, Field, Float, ID, Int, InterfaceType } from 'type-graphql';
import { sensitive } from '../authz/sensitive-directive';
import { levelOfCode } from '../jurisdiction/admin-code';
import { levelTypeName } from '../level/level-names';
import { bilingualEnum, type EnumValue } from '../schema/bilingual-enum';

export const DutyReportRating = bilingualEnum('DutyReportRating', '述责述廉评价 The plenary\'s evaluation of a report.', {
  GOOD: '好 Good',
  FAIRLY_GOOD: '较好 Fairly good',
  AVERAGE: '一般 Average',
  POOR: '差 Poor',
});
export type DutyReportRating = EnumValue<typeof DutyReportRating>;

/** The type of a session's records is that of the level holding the session. */
const byOwner = (concept: string) => (record: { ownerCode: string }) => levelTypeName(levelOfCode(record.ownerCode)!, concept);

@InterfaceType('DutyReportSession', {
  description: '述责述廉会议 A session of a commission plenary where principal leaders report on their duty and integrity.',
  autoRegisterImplementations: false,
  resolveType: byOwner('DutyReportSession'),
})
export abstract class DutyReportSessionInterface {
  @Field(() => ID)
  id!: string;

  @Field(() => ID, { description: '召开层级 Code of the level holding the session.' })
  ownerCode!: string;

  @Field(() => String, { description: '会议名称 Title.' })
  title!: string;

  @Field(() => String, { description: '召开日期 Date held (YYYY-MM-DD).' })
  heldOn!: string;
}

@InterfaceType('DutyReportReporter', {
  description: '述责人 A principal leader reporting at a session, with the plenary\'s evaluation.',
  autoRegisterImplementations: false,
  resolveType: byOwner('DutyReportReporter'),
})
export abstract class DutyReportReporterInterface {
  @Field(() => ID)
  id!: string;

  @Field(() => ID)
  sessionId!: string;

  @Field(() => Int, { description: '述责顺序 Order of reporting, from 1.' })
  position!: number;

  @Field(() => ID, { description: '所属辖区 The reporter\'s jurisdiction: the session\'s level or one directly below.' })
  jurisdictionCode!: string;

  @Field(() => ID, { description: '单位 id (in the reporter\'s jurisdiction\'s database).' })
  unitId!: string;

  @Field(() => String, { description: '单位名称 Unit name as on the day.' })
  unitName!: string;

  @Field(() => ID, { description: '领导干部 id of the reporting principal leader.' })
  cadreId!: string;

  @Field(() => String, { description: '姓名 Name as on the day.' })
  cadreName!: string;

  @Field(() => String, { description: '职务 Position as on the day.' })
  cadrePosition!: string;

  @Field(() => DutyReportRating, { nullable: true, description: '评价 Evaluation; null until evaluated.' })
  rating!: DutyReportRating | null;

  @Field(() => Float, { nullable: true, description: '评分 Score 0–100, if the plenary scores.' })
  score!: number | null;

  @Field(() => String, { nullable: true, description: '评语 Remarks.' })
  remarks!: string | null;

  @Field(() => Date, { nullable: true })
  evaluatedAt!: Date | null;
}

@InterfaceType('DutyReportQuestion', {
  description: '询问质询 A question put to a reporter, and the answer from the reporter\'s side.',
  autoRegisterImplementations: false,
  resolveType: byOwner('DutyReportQuestion'),
})
export abstract class DutyReportQuestionInterface {
  @Field(() => ID)
  id!: string;

  @Field(() => ID)
  reporterId!: string;

  @Field(() => String, { description: '提问人 Who asked.' })
  askerName!: string;

  @Directive(sensitive('RESTRICTED'))
  @Field(() => String, { nullable: true, description: '问题 The question (classified RESTRICTED: not for analysts; others read null with FORBIDDEN).' })
  question!: string | null;

  @Field(() => Date)
  askedAt!: Date;

  @Directive(sensitive('RESTRICTED'))
  @Field(() => String, { nullable: true, description: '回答 The answer; null until answered (classified RESTRICTED: not for analysts).' })
  answer!: string | null;

  @Field(() => ID, { nullable: true, description: '回答方 The jurisdiction that wrote the answer.' })
  answererCode!: string | null;

  @Field(() => Date, { nullable: true })
  answeredAt!: Date | null;
}
