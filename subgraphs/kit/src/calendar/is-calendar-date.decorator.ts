import { ValidateBy, type ValidationOptions } from 'class-validator';
import { isCalendarDate } from './calendar-date';

/** class-validator check for a real calendar day written YYYY-MM-DD (2025-02-30 is refused). */
export function IsCalendarDate(options?: ValidationOptions): PropertyDecorator {
  return ValidateBy(
    {
      name: 'isCalendarDate',
      validator: {
        validate: (value) => typeof value === 'string' && isCalendarDate(value),
        defaultMessage: () => '须为 YYYY-MM-DD 格式的日期 / must be a date written YYYY-MM-DD',
      },
    },
    options,
  );
}
