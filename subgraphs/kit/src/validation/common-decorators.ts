import { Matches, type ValidationOptions } from 'class-validator';

/**
 * The two checks almost every input of the platform makes, written once so that every form gets
 * the same words for the same mistake.
 */

/** Text that is not only white space. */
export function NotBlank(options: ValidationOptions = {}): PropertyDecorator {
  return Matches(/\S/, { message: '不能为空 / must not be blank', ...options });
}

/** The shape of an administrative code: 6 digits (city, district) or 9 (street level). */
export function IsAdministrativeCode(options: ValidationOptions = {}): PropertyDecorator {
  return Matches(/^\d{6}(\d{3})?$/, { message: '须为行政区划代码（6 位或 9 位数字） / must be an administrative code', ...options });
}
