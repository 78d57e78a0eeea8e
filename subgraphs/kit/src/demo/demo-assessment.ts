import { gradeFor, weightedTotal, type GradeCode, type GradeThreshold, type Indicator } from '../assessment/assessment-scoring';
import type { CommendationEntry, FollowUpResult, FollowUpStatusCode } from '../assessment/assessment.entity';
import { bottomRanked, competitionRanks } from '../assessment/ranking';
import type { Division } from '../jurisdiction/divisions';
import { daysFromToday, timestampDaysAgo } from './demo-dates';
import { demoId } from './demo-ids';
import { demoOrgOf, type DemoPerson } from './demo-org';

const INDICATORS: Indicator[] = [
  { code: 'PARTY_CONDUCT', name: '落实全面从严治党主体责任', weight: 40, minScore: 0, maxScore: 100, source: 'ASSESSOR' },
  { code: 'RECTIFICATION', name: '问题整改落实', weight: 20, minScore: 0, maxScore: 100, source: 'ASSESSOR' },
  { code: 'DEMOCRATIC', name: '民主测评', weight: 20, minScore: 0, maxScore: 100, source: 'DEMOCRATIC_EVALUATION' },
  { code: 'TASKS', name: '任务完成率', weight: 20, minScore: 0, maxScore: 100, source: 'TASK_COMPLETION' },
];
const THRESHOLDS: GradeThreshold[] = [
  { grade: 'EXCELLENT', minTotal: 90 },
  { grade: 'GOOD', minTotal: 80 },
  { grade: 'AVERAGE', minTotal: 60 },
  { grade: 'POOR', minTotal: 0 },
];
const COMMITMENTS = [
  '认账领账、照单全收，一个月内召开专题民主生活会剖析原因',
  '对考核指出的问题建立整改台账，逐项明确责任人和完成时限',
  '每季度向市纪委监委报告整改进展，年底前全部整改到位',
];

export interface DemoAssessment {
  plan: Record<string, unknown> & { id: string; assessorCode: string; year: number };
  sheets: (Record<string, unknown> & { id: string; unitName: string; total: number; rank: number; grade: GradeCode; interviewRequired: boolean })[];
  commendation: Record<string, unknown> & { entries: CommendationEntry[] };
  interviews: (Record<string, unknown> & { id: string; sheetId: string; followUpStatus: FollowUpStatusCode })[];
  commitments: (Record<string, unknown> & { id: string; interviewId: string; status: 'OPEN' | 'FULFILLED' })[];
  followUps: (Record<string, unknown> & { id: string; interviewId: string; results: FollowUpResult[] })[];
}

/**
 * 考责 The city's finished assessment of last year (the article's 2019年度 one): the 16 districts'
 * party committees and the city's own units scored, ranked and graded by the same rules the
 * platform applies (`assessment-scoring.ts`, `ranking.ts`), the excellent commended, the heads of
 * the bottom-ranked interviewed with commitments, one interview confirmed by a follow-up, one
 * followed up with commitments still open, the rest awaiting a follow-up. Kept in the city's database.
 */
export function demoAssessment(divisions: Division[], today = new Date()): DemoAssessment {
  const city = divisions.find((division) => division.level === 'city')!;
  // The year before the one in which it was finalized (60 days ago), so it is finalized after its year ended.
  const year = Number(daysFromToday(-60, today).slice(0, 4)) - 1;
  const planId = demoId(`assessment-plan:120000:${year}`);
  const actor = 'demo-120000-commission';
  const finalizedAt = timestampDaysAgo(60, today);
  const heads: DemoPerson[] = [
    ...divisions.filter((division) => division.level === 'district').map((district) => demoOrgOf(district).people[0][0]),
    ...demoOrgOf(city).people.map((people) => people[0]),
  ];
  // Figures spread by fixed strides so that the ranking has every grade and a tie or two.
  const values = heads.map((_, index) => ({
    indicatorScores: { PARTY_CONDUCT: 98 - ((index * 7) % 36), RECTIFICATION: 100 - ((index * 11) % 40) },
    democraticScore: 97 - ((index * 5) % 30),
    taskCompletionRate: 100 - ((index * 13) % 45),
    deduction: index % 6 === 5 ? 2 : 0,
  }));
  const rules = { indicators: INDICATORS, gradeThresholds: THRESHOLDS, totalWeight: 100 };
  const totals = values.map((value) => weightedTotal(rules, value));
  const ranks = competitionRanks(totals);
  const bottom = bottomRanked(totals, 3);
  const sheets = heads.map((head, index) => {
    const grade = gradeFor(totals[index], THRESHOLDS);
    return {
      id: demoId(`assessment-sheet:${planId}:${head.unitId}`),
      planId,
      assessorCode: '120000',
      year,
      jurisdictionCode: head.jurisdictionCode,
      unitId: head.unitId,
      unitName: head.unitName,
      cadreId: null,
      cadreName: null,
      ...values[index],
      taskCompletionSource: 'ENTERED',
      taskCompletionSourcedAt: finalizedAt,
      deductionSource: 'ENTERED',
      deductionSourcedAt: finalizedAt,
      deductionNote: values[index].deduction > 0 ? '监督检查发现问题逾期未整改' : '',
      total: totals[index],
      rank: ranks[index],
      grade,
      interviewRequired: bottom[index] || grade === 'POOR',
      enteredBy: actor,
      updatedAt: finalizedAt,
    };
  });
  const result: DemoAssessment = {
    plan: {
      id: planId,
      assessorCode: '120000',
      year,
      title: `${year}年度全面从严治党主体责任考核`,
      indicators: INDICATORS,
      gradeThresholds: THRESHOLDS,
      totalWeight: 100,
      interviewBottomCount: 3,
      status: 'FINALIZED',
      createdBy: actor,
      createdAt: timestampDaysAgo(120, today),
      finalizedBy: actor,
      finalizedAt,
    },
    sheets,
    commendation: {
      id: demoId(`assessment-commendation:${planId}`),
      planId,
      assessorCode: '120000',
      year,
      title: `关于${year}年度落实全面从严治党主体责任考核优秀单位的通报表扬`,
      entries: sheets
        .filter((sheet) => sheet.grade === 'EXCELLENT')
        .sort((a, b) => a.rank - b.rank || a.unitName.localeCompare(b.unitName))
        .map((sheet) => ({ sheetId: sheet.id, jurisdictionCode: sheet.jurisdictionCode, unitId: sheet.unitId, unitName: sheet.unitName, cadreName: null, total: sheet.total, rank: sheet.rank })),
      publishedBy: actor,
      publishedAt: timestampDaysAgo(55, today),
    },
    interviews: [],
    commitments: [],
    followUps: [],
  };
  // 约谈: bottom first; the first is confirmed by a follow-up, the second still has open commitments.
  const interviewed = sheets.map((sheet, index) => ({ sheet, head: heads[index] })).filter(({ sheet }) => sheet.interviewRequired);
  interviewed.sort((a, b) => b.sheet.rank - a.sheet.rank || a.sheet.unitName.localeCompare(b.sheet.unitName));
  interviewed.forEach(({ sheet, head }, index) => {
    const interviewId = demoId(`assessment-interview:${sheet.id}`);
    const followUpStatus: FollowUpStatusCode = index === 0 ? 'CONFIRMED' : index === 1 ? 'COMMITMENTS_OPEN' : 'AWAITING_FOLLOW_UP';
    const followUpId = followUpStatus === 'AWAITING_FOLLOW_UP' ? null : demoId(`assessment-follow-up:${interviewId}`);
    const visitedOn = daysFromToday(-10, today);
    const results: FollowUpResult[] = [];
    COMMITMENTS.forEach((content, position) => {
      const id = demoId(`assessment-commitment:${interviewId}:${position}`);
      const fulfilled = followUpStatus === 'CONFIRMED' || (followUpStatus === 'COMMITMENTS_OPEN' && position === 0);
      const note = fulfilled ? '回访核实：已落实' : '回访核实：尚未落实，继续跟踪';
      if (followUpId) results.push({ commitmentId: id, fulfilled, note });
      result.commitments.push({
        id,
        interviewId,
        position,
        content,
        status: fulfilled ? 'FULFILLED' : 'OPEN',
        confirmedOn: fulfilled ? visitedOn : null,
        confirmedByFollowUpId: fulfilled ? followUpId : null,
        lastCheckNote: followUpId ? note : null,
      });
    });
    result.interviews.push({
      id: interviewId,
      planId,
      sheetId: sheet.id,
      assessorCode: '120000',
      intervieweeName: head.cadreName,
      intervieweePosition: head.position,
      heldOn: daysFromToday(-40, today),
      interviewer: '市委领导',
      content: `${year}年度主体责任考核排名靠后集体约谈：指出${head.unitName}落实主体责任存在的差距，要求认真整改、压实责任。`,
      followUpStatus,
      recordedBy: actor,
      createdAt: timestampDaysAgo(40, today),
    });
    if (followUpId) {
      result.followUps.push({
        id: followUpId,
        interviewId,
        visitedOn,
        visitor: '市纪委监委第二监督检查室',
        summary: '专项检查“回头看”，逐项核查约谈承诺，防止“一谈了之”',
        results,
        recordedBy: actor,
        createdAt: timestampDaysAgo(10, today),
      });
    }
  });
  return result;
}
