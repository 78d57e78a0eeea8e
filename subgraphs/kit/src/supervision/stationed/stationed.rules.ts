import { assertNotBefore, assertNotInFuture } from '../../calendar/date-rules';
import { badUserInput } from '../../errors/graphql-errors';
import type { SupervisionMethodCode } from '../supervision.entities';
import type { StationedDemocraticEvaluation, StationedMember, StationedReportHeard, StationedTalk } from './stationed.entities';

/*
 * 派驻监督的规则 The pure checks of stationed supervision, one place each (unit-tested in
 * stationed.rules.test.ts): every refusal is BAD_USER_INPUT naming the field.
 */

/** What an engagement's methods produced, as recorded or as given in one change. */
export interface StationedResults {
  talks?: readonly Pick<StationedTalk, 'heldOn'>[] | null;
  reportsHeard?: readonly Pick<StationedReportHeard, 'heardOn'>[] | null;
  documentsReviewed?: object | null;
  questionnaire?: object | null;
  democraticEvaluation?: object | null;
}

type EvaluationCounts = Pick<StationedDemocraticEvaluation, 'participants' | 'good' | 'fairlyGood' | 'average' | 'poor'>;

type ResultKind = keyof StationedResults;

/** The method each kind of result comes from: a result of a method the engagement does not list is refused. */
export const METHOD_OF_RESULT: Record<ResultKind, SupervisionMethodCode> = {
  talks: 'ONE_TO_ONE_TALK',
  reportsHeard: 'REPORT_HEARING',
  documentsReviewed: 'DOCUMENT_REVIEW',
  questionnaire: 'QUESTIONNAIRE',
  democraticEvaluation: 'DEMOCRATIC_EVALUATION',
};

const METHOD_NAMES: Record<SupervisionMethodCode, string> = {
  REPORT_HEARING: '听取汇报',
  ONE_TO_ONE_TALK: '个别谈话',
  DOCUMENT_REVIEW: '查阅资料',
  DEMOCRATIC_EVALUATION: '民主测评',
  QUESTIONNAIRE: '问卷调查',
};

const given = (value: unknown): boolean => (Array.isArray(value) ? value.length > 0 : value !== undefined && value !== null);

/** A group has at most one leader (组长); no member is listed twice. */
export function assertMembers(members: readonly StationedMember[], field: string): void {
  const leaders = members.map((member, index) => ({ member, index })).filter(({ member }) => member.role === 'LEADER');
  if (leaders.length > 1) {
    throw badUserInput(`${field}.${leaders[1].index}.role`, '一个派驻组只有一名组长 / a stationed group has one leader (组长)');
  }
  const seen = new Set<string>();
  members.forEach((member, index) => {
    const key = `${member.name.trim()}|${member.position.trim()}`;
    if (seen.has(key)) throw badUserInput(`${field}.${index}`, `组员 ${member.name} 重复 / member ${member.name} is listed twice`);
    seen.add(key);
  });
}

/** No unit twice among the host units. */
export function assertDistinctUnits(unitIds: readonly string[], field: string): void {
  const seen = new Set<string>();
  unitIds.forEach((unitId, index) => {
    if (seen.has(unitId)) throw badUserInput(`${field}.${index}`, `单位 ${unitId} 重复 / unit ${unitId} is listed twice`);
    seen.add(unitId);
  });
}

/** No method twice. */
export function assertDistinctMethods(methods: readonly SupervisionMethodCode[], field: string): void {
  methods.forEach((method, index) => {
    if (methods.indexOf(method) !== index) throw badUserInput(`${field}.${index}`, `监督方式 ${METHOD_NAMES[method]} 重复 / method ${method} is listed twice`);
  });
}

/** Each result given belongs to a method the engagement lists. */
export function assertResultsOfListedMethods(methods: readonly SupervisionMethodCode[], results: StationedResults, prefix: string): void {
  for (const kind of Object.keys(METHOD_OF_RESULT) as ResultKind[]) {
    const method = METHOD_OF_RESULT[kind];
    if (given(results[kind]) && !methods.includes(method)) {
      throw badUserInput(`${prefix}.${kind}`, `本次监督未采用${METHOD_NAMES[method]}，不能记录其结果 / the engagement does not list ${method}, so it has no such result`);
    }
  }
}

/** The counts of a democratic evaluation add up: the ratings are no more than the participants. */
export function assertEvaluationCounts(evaluation: EvaluationCounts, field: string): void {
  const rated = evaluation.good + evaluation.fairlyGood + evaluation.average + evaluation.poor;
  if (rated > evaluation.participants) {
    throw badUserInput(`${field}.participants`, `好、较好、一般、差合计 ${rated} 人，超过参评人数 ${evaluation.participants} / the ratings add up to ${rated}, more than the ${evaluation.participants} participants`);
  }
}

/** Every dated result lies within the engagement: on or after its start, not after its end (or today while under way). */
export function assertResultDates(results: StationedResults, startedOn: string, lastDay: string, prefix: string): void {
  const within = (field: string, date: string) => {
    assertNotBefore(field, date, startedOn, { zh: '进驻开始日期', en: 'start of the engagement' });
    if (date > lastDay) throw badUserInput(field, `日期 ${date} 晚于 ${lastDay}（进驻结束或今天） / ${date} is after ${lastDay} (the end of the engagement, or today)`);
  };
  results.talks?.forEach((talk, index) => within(`${prefix}.talks.${index}.heldOn`, talk.heldOn));
  results.reportsHeard?.forEach((report, index) => within(`${prefix}.reportsHeard.${index}.heardOn`, report.heardOn));
}

/** An engagement's period: started not in the future; ended not in the future and not before it started. */
export function assertPeriod(startedOn: string, endedOn: string | null, on: string, prefix: string): void {
  assertNotInFuture(`${prefix}.startedOn`, startedOn, on);
  if (endedOn === null) return;
  assertNotInFuture(`${prefix}.endedOn`, endedOn, on);
  assertNotBefore(`${prefix}.endedOn`, endedOn, startedOn, { zh: '进驻开始日期', en: 'start of the engagement' });
}

/** Methods listed that produced nothing yet: an engagement closes only when each has its result. */
export function methodsWithoutResults(methods: readonly SupervisionMethodCode[], results: StationedResults): SupervisionMethodCode[] {
  return methods.filter((method) => {
    const kind = (Object.keys(METHOD_OF_RESULT) as ResultKind[]).find((candidate) => METHOD_OF_RESULT[candidate] === method)!;
    return !given(results[kind]);
  });
}

/** The refusal to close with results missing. */
export function assertEveryMethodHasResults(methods: readonly SupervisionMethodCode[], results: StationedResults, field: string): void {
  const missing = methodsWithoutResults(methods, results);
  if (missing.length > 0) {
    throw badUserInput(field, `以下监督方式尚无结果：${missing.map((method) => METHOD_NAMES[method]).join('、')} / no result recorded yet for ${missing.join(', ')}`);
  }
}
