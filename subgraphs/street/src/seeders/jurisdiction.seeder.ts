import type { EntityManager } from '@mikro-orm/postgresql';
import { readDivisions } from '@supervision/kit';
import { StreetEntity } from '../street/street.entity';

/** Seeds the 299 street-level divisions from the shipped list; does nothing when they are there. */
export async function seedStreets(em: EntityManager): Promise<string> {
  if ((await em.count(StreetEntity)) > 0) return 'street data present, seed skipped';
  const streets = readDivisions().filter((division) => division.level === 'street');
  await em.insertMany(
    StreetEntity,
    streets.map(({ code, name, parentCode }) => ({ code, name, districtCode: parentCode!, createdAt: new Date() })),
  );
  return `seeded ${streets.length} streets`;
}
