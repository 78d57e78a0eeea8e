import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { parse } from 'csv-parse/sync';
import { z } from 'zod';
import type { Level } from './admin-code';

/** One row of the administrative division list shipped in `subgraphs/kit/data`. */
export interface Division {
  level: Level;
  code: string;
  name: string;
  parentCode: string | null;
}

const rowSchema = z.object({
  level: z.enum(['city', 'district', 'street']),
  code: z.string().regex(/^\d{6}(\d{3})?$/),
  name: z.string().min(1),
  parent_code: z.string(),
});

/** The real list of Tianjin's districts and street-level divisions (public division data). */
export const DIVISIONS_FILE = join(__dirname, '..', '..', 'data', 'tianjin-divisions.csv');

export function readDivisions(file: string = DIVISIONS_FILE): Division[] {
  const rows: unknown[] = parse(readFileSync(file, 'utf8'), { columns: true, skip_empty_lines: true, trim: true });
  return rows.map((raw, index) => {
    const parsed = rowSchema.safeParse(raw);
    if (!parsed.success) throw new Error(`${file} row ${index + 2}: ${parsed.error.message}`);
    const row = parsed.data;
    return { level: row.level, code: row.code, name: row.name, parentCode: row.parent_code || null };
  });
}

let childrenByParent: Map<string, Division[]> | undefined;

/**
 * The divisions directly below one (a city's districts, a district's streets), from the shipped
 * list. A subgraph sees only its own level's database, yet must check codes of the level below
 * (the addressees of a directive); the list every database is seeded from is the shared truth.
 */
export function childDivisions(parentCode: string): Division[] {
  if (!childrenByParent) {
    childrenByParent = new Map();
    for (const division of readDivisions()) {
      if (!division.parentCode) continue;
      const siblings = childrenByParent.get(division.parentCode) ?? [];
      siblings.push(division);
      childrenByParent.set(division.parentCode, siblings);
    }
  }
  return childrenByParent.get(parentCode) ?? [];
}

let namesByCode: Map<string, string> | undefined;

/**
 * A jurisdiction as people say it, with the code beside it: `滨海新区（120116）`. Messages name
 * places this way, because a reader of "120116 may not change records of 120117" has to look
 * both codes up; an unknown code is given as it is.
 */
export function namedJurisdiction(code: string): string {
  const name = nameOfCode(code);
  return name ? `${name}（${code}）` : code;
}

/** A jurisdiction's name alone (`滨海新区`), for lists that show the code beside it; an unknown code is given as it is. */
export function divisionName(code: string): string {
  return nameOfCode(code) ?? code;
}

function nameOfCode(code: string): string | undefined {
  namesByCode ??= new Map(readDivisions().map((division) => [division.code, division.name]));
  return namesByCode.get(code);
}
