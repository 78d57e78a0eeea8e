import { createHash } from 'node:crypto';
import { LEHMER_MODULUS } from './plan-draw';

/**
 * 抽签种子 The seed of a quarterly draw is nobody's choice: it is the SHA-256 of the draw's
 * recorded inputs — the office, the year and quarter, the office's contact units and the units
 * already drawn this year (each list sorted) — reduced to the generator's range. The plan
 * records that text (`seedSource`), so anyone can recompute the seed and then the picks
 * (`drawQuarter`), and the preview of a quarter shows exactly what the draw will pick. The only
 * input left to anyone is the contact list, and the list a draw uses is the one frozen at its
 * cutoff, before the draw can be made (`draw-cutoff.ts`); changes to it are dated and audited.
 */
export interface DrawInputs {
  officeId: string;
  year: number;
  quarter: number;
  contactUnitIds: readonly string[];
  drawnEarlierThisYear: readonly string[];
}

/** The canonical text the seed is hashed from (one line per input, lists sorted and comma-joined). */
export function drawSeedSource(inputs: DrawInputs): string {
  const sorted = (ids: readonly string[]) => [...new Set(ids)].sort().join(',');
  return [
    `office:${inputs.officeId}`,
    `year:${inputs.year}`,
    `quarter:${inputs.quarter}`,
    `contacts:${sorted(inputs.contactUnitIds)}`,
    `drawn:${sorted(inputs.drawnEarlierThisYear)}`,
  ].join('\n');
}

/** The seed of a source text: the first 48 bits of its SHA-256, mod (2³¹ − 2), plus 1. */
export function seedFromSource(source: string): number {
  const digest = createHash('sha256').update(source, 'utf8').digest();
  return (digest.readUIntBE(0, 6) % (LEHMER_MODULUS - 1)) + 1;
}
