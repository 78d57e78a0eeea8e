import 'reflect-metadata';
import { validate } from 'class-validator';
import { CascadeDirectiveInput, IssueDirectiveInput } from '../directive/directive.inputs';
import { FollowUpOutcomeInput, NewFindingInput } from '../supervision/supervision.inputs';

/** The class-validator problems on one date property of an input, nothing else. */
async function dateProblems<T extends object>(type: new () => T, property: keyof T & string, value: string) {
  const input = Object.assign(new type(), { [property]: value });
  const errors = await validate(input, { forbidUnknownValues: false });
  return errors.filter((error) => error.property === property).flatMap((error) => Object.keys(error.constraints ?? {}));
}

describe('every date input uses the one calendar-date check', () => {
  const cases = [
    ['IssueDirectiveInput.deadline', IssueDirectiveInput, 'deadline'],
    ['CascadeDirectiveInput.deadline', CascadeDirectiveInput, 'deadline'],
    ['NewFindingInput.deadline', NewFindingInput, 'deadline'],
    ['FollowUpOutcomeInput.newDeadline', FollowUpOutcomeInput, 'newDeadline'],
  ] as const;

  it.each(cases)('%s refuses days that do not exist', async (_name, type, property) => {
    for (const bad of ['2026-02-30', '2026-13-99', '2026-00-10', '2026-1-05']) {
      expect(await dateProblems(type as new () => object, property as never, bad)).toEqual(['isCalendarDate']);
    }
  });

  it.each(cases)('%s accepts a real day', async (_name, type, property) => {
    expect(await dateProblems(type as new () => object, property as never, '2028-02-29')).toEqual([]);
  });
});
