import type { DutyReportRatingCode } from '../duty-report/duty-report.entity';
import type { Division } from '../jurisdiction/divisions';
import { daysFromToday, timestampDaysAgo } from './demo-dates';
import { demoId } from './demo-ids';
import { demoOrgOf, type DemoPerson } from './demo-org';

/** 宁河区: the district of the source article's session. */
export const DEMO_SESSION_DISTRICT = '120117';

const QUESTIONS: [string, string][] = [
  [
    '巡察反馈的问题中，有几项至今未整改到位？作为第一责任人，你是如何督促的？',
    '还有2项未整改到位，已列入班子会议督办清单，由我牵头每月调度一次，年底前全部销号。',
  ],
  [
    '主体责任清单中有任务逾期，原因是什么？有没有“一岗双责”落空的情况？',
    '逾期任务主要是推进方案不细，责任压得不实；已逐项明确分管领导和完成时限，纳入平台跟踪。',
  ],
  [
    '基层反映的形式主义、文山会海问题，你单位为基层减负具体做了什么？',
    '今年压减发文和会议三成以上，取消重复填报台账，督查检查统筹合并开展。',
  ],
  [
    '去年查处的违纪案件暴露出哪些监管漏洞？堵塞漏洞的措施落实了吗？',
    '暴露出资金审批把关不严的问题，已修订财务审批制度，实行重大开支集体研究和全程留痕。',
  ],
];

const EVALUATIONS: [DutyReportRatingCode, number, string][] = [
  ['GOOD', 92, '述责内容实，问题查摆深，回答质询直面问题'],
  ['FAIRLY_GOOD', 85, '整体较好，整改措施还需细化到人到时'],
  ['GOOD', 90, '责任意识强，履职纪实完整'],
  ['AVERAGE', 76, '查摆问题不够具体，对质询回应避重就轻，会后书面补充说明'],
];

export interface DemoDutyReportSession {
  session: { id: string; ownerCode: string; title: string; heldOn: string; createdBy: string; createdAt: Date };
  reporters: {
    id: string;
    sessionId: string;
    ownerCode: string;
    position: number;
    jurisdictionCode: string;
    unitId: string;
    unitName: string;
    cadreId: string;
    cadreName: string;
    cadrePosition: string;
    rating: DutyReportRatingCode;
    score: number;
    remarks: string;
    evaluatedBy: string;
    evaluatedAt: Date;
  }[];
  questions: {
    id: string;
    sessionId: string;
    reporterId: string;
    ownerCode: string;
    askerName: string;
    question: string;
    askedBy: string;
    askedAt: Date;
    answer: string;
    answererCode: string;
    answeredBy: string;
    answeredAt: Date;
  }[];
}

/**
 * 述责述廉 The session of the source article: 宁河区's 4 district leaders and 10 heads of
 * district-managed units (its two departments and eight streets and towns) report to the district
 * commission's plenary, are questioned pointedly, answer and are evaluated. Kept in the district's
 * database; the street reporters are named as the streets' own seed names them.
 */
export function demoDutyReportSession(divisions: Division[], today = new Date()): DemoDutyReportSession {
  const district = divisions.find((division) => division.code === DEMO_SESSION_DISTRICT)!;
  const own = demoOrgOf(district).people;
  // 区委副书记, 区长, 常务副区长, 副区长; then the heads of 教育局 and 卫健委.
  const leaders: DemoPerson[] = [own[0][1], own[1][0], own[1][1], own[1][2]];
  const streets = divisions.filter((division) => division.parentCode === DEMO_SESSION_DISTRICT).slice(0, 8);
  const heads: DemoPerson[] = [own[2][0], own[3][0], ...streets.map((street) => demoOrgOf(street).people[0][0])];
  const sessionId = demoId(`duty-report-session:${DEMO_SESSION_DISTRICT}`);
  const heldOn = daysFromToday(-20, today);
  const at = timestampDaysAgo(20, today);
  const createdBy = `demo-${DEMO_SESSION_DISTRICT}-commission`;
  const result: DemoDutyReportSession = {
    session: { id: sessionId, ownerCode: DEMO_SESSION_DISTRICT, title: `${district.name}区级领导和区管单位主要负责人向区纪委全会述责述廉`, heldOn, createdBy, createdAt: at },
    reporters: [],
    questions: [],
  };
  [...leaders, ...heads].forEach((person, index) => {
    const reporterId = demoId(`duty-report-reporter:${sessionId}:${index}`);
    const [rating, score, remarks] = EVALUATIONS[index % EVALUATIONS.length];
    result.reporters.push({
      id: reporterId,
      sessionId,
      ownerCode: DEMO_SESSION_DISTRICT,
      position: index + 1,
      jurisdictionCode: person.jurisdictionCode,
      unitId: person.unitId,
      unitName: person.unitName,
      cadreId: person.cadreId,
      cadreName: person.cadreName,
      cadrePosition: person.position,
      rating,
      score,
      remarks,
      evaluatedBy: createdBy,
      evaluatedAt: at,
    });
    // Two questions for a district leader, one for a unit head; each answered on the spot.
    const asked = index < leaders.length ? [index, index + 1] : [index];
    asked.forEach((q, order) => {
      const [question, answer] = QUESTIONS[q % QUESTIONS.length];
      result.questions.push({
        id: demoId(`duty-report-question:${reporterId}:${order}`),
        sessionId,
        reporterId,
        ownerCode: DEMO_SESSION_DISTRICT,
        askerName: order === 0 ? '市纪委监委第二监督检查室 张梅' : '区纪委常委',
        question,
        askedBy: createdBy,
        askedAt: at,
        answer,
        answererCode: person.jurisdictionCode,
        answeredBy: `demo-${person.jurisdictionCode}`,
        answeredAt: at,
      });
    });
  });
  return result;
}
