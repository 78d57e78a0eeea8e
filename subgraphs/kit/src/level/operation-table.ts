import type { Level } from '../jurisdiction/admin-code';

/**
 * A domain's root-field names at `level`, from its literal table (`<domain>.operations.ts`). The
 * tables exist so that a name seen in the schema (`createDistrictUnit`) is found with one grep;
 * a level the domain does not serve has no row, and asking for it is a wiring mistake.
 */
export function operationsAt<Table extends OperationTable>(table: Table, level: Level, domain: string): Readonly<Record<OperationKey<Table>, string>> {
  const row = table[level];
  if (!row) throw new Error(`the ${level} level has no ${domain} operations`);
  return row as Readonly<Record<OperationKey<Table>, string>>;
}

export type OperationTable = Partial<Record<Level, Readonly<Record<string, string>>>>;

/** Every operation key any level's row has (a row may lack one: the cascade exists below the city only). */
type OperationKey<Table extends OperationTable> = { [L in keyof Table]: keyof NonNullable<Table[L]> }[keyof Table] & string;
