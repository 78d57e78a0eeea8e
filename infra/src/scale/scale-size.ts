/**
 * How big a city-scale data set is. The organisation (units, cadres, lists) is the same at 100 k
 * and at 1 M tasks, as in a real city: what grows over the years is the records (tasks, duty
 * records, checks and findings), which is what the figures must stay flat against.
 */
export interface ScaleSize {
  /** Name of the set, also the name of its data folder: `tiny`, `100k`, `1m` or a number. */
  label: string;
  tasks: number;
  /** Units of each jurisdiction, by level (the city has one jurisdiction, 16 districts, 299 streets). */
  unitsPerJurisdiction: { city: number; district: number; street: number };
  cadresPerUnit: number;
  /** Duty records per task (2 at city scale: 2,000,000 for 1,000,000 tasks). */
  dutyRecordsPerTask: number;
  /** Tasks per supervision check (100: 10,000 checks for 1 M tasks), each with `findingsPerCheck` findings. */
  tasksPerCheck: number;
  findingsPerCheck: number;
  /** Years of sessions and assessments, ending last year (one session and one plan per assessing jurisdiction and year). */
  years: number;
}

// 100 city units + 16 × 60 district units + 299 × 10 street units = 4,050 units; × 10 = 40,500 cadres.
const CITY_ORG = { unitsPerJurisdiction: { city: 100, district: 60, street: 10 }, cadresPerUnit: 10 };
const RECORDS = { dutyRecordsPerTask: 2, tasksPerCheck: 100, findingsPerCheck: 3, years: 3 };

const PRESETS: Record<string, ScaleSize> = {
  // For CI and the bench's own test: every table filled, every district and street present.
  tiny: { label: 'tiny', tasks: 3000, unitsPerJurisdiction: { city: 4, district: 2, street: 1 }, cadresPerUnit: 2, ...RECORDS, tasksPerCheck: 20 },
  '100k': { label: '100k', tasks: 100_000, ...CITY_ORG, ...RECORDS },
  '1m': { label: '1m', tasks: 1_000_000, ...CITY_ORG, ...RECORDS },
};

/** `tiny`, `100k`, `1m` (case-insensitive), or a task count such as `250000` or `250k`. */
export function parseScaleSize(text: string): ScaleSize {
  const key = text.trim().toLowerCase();
  if (PRESETS[key]) return PRESETS[key];
  const match = /^(\d+(?:\.\d+)?)(k|m)?$/.exec(key);
  if (!match) throw new Error(`规模无效 / unknown size "${text}": use tiny, 100k, 1m or a task count (e.g. 250k)`);
  const tasks = Math.round(Number(match[1]) * (match[2] === 'm' ? 1_000_000 : match[2] === 'k' ? 1000 : 1));
  if (tasks < 1000 || tasks > 5_000_000) throw new Error(`规模无效 / ${tasks} tasks: between 1,000 and 5,000,000`);
  return { label: String(tasks), tasks, ...CITY_ORG, ...RECORDS };
}
