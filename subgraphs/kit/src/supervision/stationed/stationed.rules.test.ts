import type { GraphQLError } from 'graphql';
import {
  assertDistinctMethods,
  assertEvaluationCounts,
  assertEveryMethodHasResults,
  assertMembers,
  assertPeriod,
  assertResultDates,
  assertResultsOfListedMethods,
  methodsWithoutResults,
} from './stationed.rules';

/** The field a refusal names (every rule refuses with BAD_USER_INPUT). */
function fieldOf(run: () => void): string | undefined {
  try {
    run();
  } catch (error) {
    const extensions = (error as GraphQLError).extensions;
    expect(extensions.code).toBe('BAD_USER_INPUT');
    return extensions.field as string;
  }
  return undefined;
}

const evaluation = { participants: 60, good: 38, fairlyGood: 15, average: 5, poor: 2, note: null };

describe('stationed supervision rules', () => {
  it('allows one leader and no member twice', () => {
    const leader = { name: '张立新', position: '组长', role: 'LEADER' as const };
    expect(fieldOf(() => assertMembers([leader, { name: '刘文静', position: '副组长', role: 'DEPUTY_LEADER' }], 'input.members'))).toBeUndefined();
    expect(fieldOf(() => assertMembers([leader, { ...leader, name: '李强' }], 'input.members'))).toBe('input.members.1.role');
    expect(fieldOf(() => assertMembers([{ ...leader, role: 'MEMBER' }, { ...leader, role: 'MEMBER' }], 'input.members'))).toBe('input.members.1');
  });

  it('refuses a method listed twice', () => {
    expect(fieldOf(() => assertDistinctMethods(['REPORT_HEARING', 'QUESTIONNAIRE', 'REPORT_HEARING'], 'input.methods'))).toBe('input.methods.2');
  });

  it('accepts only results of the methods the engagement lists', () => {
    const methods = ['REPORT_HEARING', 'ONE_TO_ONE_TALK'] as const;
    expect(fieldOf(() => assertResultsOfListedMethods(methods, { talks: [{ heldOn: '2026-11-20' }], reportsHeard: [] }, 'input'))).toBeUndefined();
    expect(fieldOf(() => assertResultsOfListedMethods(methods, { questionnaire: { respondents: 1 } }, 'input'))).toBe('input.questionnaire');
    expect(fieldOf(() => assertResultsOfListedMethods(methods, { democraticEvaluation: evaluation }, 'input'))).toBe('input.democraticEvaluation');
    // An empty list is no result: it clears what was recorded, of any method.
    expect(fieldOf(() => assertResultsOfListedMethods(['QUESTIONNAIRE'], { talks: [] }, 'input'))).toBeUndefined();
  });

  it('wants the ratings of a democratic evaluation to add up to no more than the participants', () => {
    expect(fieldOf(() => assertEvaluationCounts(evaluation, 'input.democraticEvaluation'))).toBeUndefined();
    expect(fieldOf(() => assertEvaluationCounts({ ...evaluation, participants: 59 }, 'input.democraticEvaluation'))).toBe('input.democraticEvaluation.participants');
  });

  it('keeps dated results within the engagement and its period out of the future', () => {
    const results = { talks: [{ heldOn: '2026-11-20' }], reportsHeard: [{ heardOn: '2026-11-18' }] };
    expect(fieldOf(() => assertResultDates(results, '2026-11-18', '2026-11-25', 'input'))).toBeUndefined();
    expect(fieldOf(() => assertResultDates(results, '2026-11-19', '2026-11-25', 'input'))).toBe('input.reportsHeard.0.heardOn');
    expect(fieldOf(() => assertResultDates(results, '2026-11-18', '2026-11-19', 'input'))).toBe('input.talks.0.heldOn');
    expect(fieldOf(() => assertPeriod('2026-11-18', '2026-11-25', '2026-11-25', 'input'))).toBeUndefined();
    expect(fieldOf(() => assertPeriod('2026-11-26', null, '2026-11-25', 'input'))).toBe('input.startedOn');
    expect(fieldOf(() => assertPeriod('2026-11-18', '2026-11-26', '2026-11-25', 'input'))).toBe('input.endedOn');
    expect(fieldOf(() => assertPeriod('2026-11-18', '2026-11-17', '2026-11-25', 'input'))).toBe('input.endedOn');
  });

  it('closes only when every listed method produced its result', () => {
    const methods = ['REPORT_HEARING', 'DOCUMENT_REVIEW', 'QUESTIONNAIRE'] as const;
    expect(methodsWithoutResults(methods, { reportsHeard: [{ heardOn: '2026-11-18' }], documentsReviewed: null })).toEqual(['DOCUMENT_REVIEW', 'QUESTIONNAIRE']);
    expect(fieldOf(() => assertEveryMethodHasResults(methods, { reportsHeard: [], documentsReviewed: { count: 3 }, questionnaire: {} }, 'input.engagementId'))).toBe('input.engagementId');
    expect(fieldOf(() => assertEveryMethodHasResults(methods, { reportsHeard: [{ heardOn: '2026-11-18' }], documentsReviewed: { count: 0 }, questionnaire: {} }, 'input.engagementId'))).toBeUndefined();
  });
});
