import { validate, type ValidationError } from 'class-validator';
import { getMetadataStorage, type ValidatorFn } from 'type-graphql';
import { badUserInput } from '../errors/graphql-errors';
import { bilingualConstraintMessage } from './constraint-names';

function firstProblem(errors: ValidationError[], path: string[] = []): { field: string; message: string } | undefined {
  for (const error of errors) {
    const here = [...path, error.property];
    if (error.constraints) {
      const [constraint, message] = Object.entries(error.constraints)[0];
      return { field: here.join('.'), message: bilingualConstraintMessage(constraint, message) };
    }
    const nested = firstProblem(error.children ?? [], here);
    if (nested) return nested;
  }
  return undefined;
}

/** The argument an input object came from: type-graphql hands over a converted copy, so match by class. */
function argumentName(args: Record<string, unknown>, value: object): string | undefined {
  const names = Object.keys(args);
  return (
    names.find((name) => args[name] === value) ??
    names.find((name) => args[name] instanceof value.constructor) ??
    names.find((name) => typeof args[name] === 'object' && args[name] !== null && !Array.isArray(args[name]))
  );
}

/**
 * Whether the value is an `@ArgsType` class: its fields are the field's own arguments
 * (`first`, `after`), so a problem is named by the argument itself, not as part of some input.
 */
function isArgumentsClass(value: object): boolean {
  const argumentTypes = getMetadataStorage().argumentTypes;
  for (let type: unknown = value.constructor; typeof type === 'function' && type !== Object; type = Object.getPrototypeOf(type)) {
    if (argumentTypes.some((argumentType) => argumentType.target === type)) return true;
  }
  return false;
}

/**
 * Validates every input object with its class-validator decorators before a resolver runs, and
 * reports the first problem as BAD_USER_INPUT with the dotted path of the field
 * (`input.milestones.0.title`), so a form can point at it.
 */
export const validateInput: ValidatorFn = async (argValue, _argType, resolverData) => {
  if (argValue === null || typeof argValue !== 'object') return;
  const values = Array.isArray(argValue) ? argValue : [argValue];
  for (const value of values) {
    if (value === null || typeof value !== 'object' || value.constructor === Object) continue;
    const errors = await validate(value, { forbidUnknownValues: false, validationError: { target: false } });
    const problem = firstProblem(errors);
    if (problem && isArgumentsClass(value)) throw badUserInput(problem.field, problem.message);
    if (problem) {
      throw badUserInput(`${argumentName(resolverData.args, value) ?? 'input'}.${problem.field}`, problem.message);
    }
  }
};
