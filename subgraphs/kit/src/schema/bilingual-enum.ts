import { registerEnumType } from 'type-graphql';

/** An enum whose every value is its own name, as the GraphQL enums here are: `{ OPEN: 'OPEN', … }`. */
export type NamedEnum<K extends string> = { readonly [V in K]: V };

/** The union of an enum's values: `export type TaskStatus = EnumValue<typeof TaskStatus>`. */
export type EnumValue<E> = E[keyof E];

/**
 * A GraphQL enum from one table: each value with its description (中文 English), in the order the
 * schema lists them. The table is the only place a value is written, so a value cannot be added
 * without its description, nor described without existing; `null` leaves a value to the schema's
 * glossary. Returns the enum object, usable as a value (`TaskStatus.COMPLETED`), in
 * `@Field(() => TaskStatus)` and in `@IsEnum(TaskStatus)`.
 */
export function bilingualEnum<K extends string>(name: string, description: string, values: Record<K, string | null>): NamedEnum<K> {
  const keys = Object.keys(values) as K[];
  const enumObject = Object.fromEntries(keys.map((key) => [key, key])) as NamedEnum<K>;
  const valuesConfig: Partial<Record<K, { description: string }>> = {};
  for (const key of keys) {
    const valueDescription = values[key];
    if (valueDescription !== null) valuesConfig[key] = { description: valueDescription };
  }
  registerEnumType(enumObject, { name, description, ...(Object.keys(valuesConfig).length > 0 ? { valuesConfig } : {}) });
  return Object.freeze(enumObject);
}
