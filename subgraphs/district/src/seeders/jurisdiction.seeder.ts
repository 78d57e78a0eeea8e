import type { EntityManager } from '@mikro-orm/postgresql';
import { readDivisions } from '@supervision/kit';
import { DistrictEntity } from '../district/district.entity';

/** Seeds the 16 districts from the shipped division list; does nothing when they are there. */
export async function seedDistricts(em: EntityManager): Promise<string> {
  if ((await em.count(DistrictEntity)) > 0) return 'district data present, seed skipped';
  const districts = readDivisions().filter((division) => division.level === 'district');
  await em.insertMany(
    DistrictEntity,
    districts.map(({ code, name, parentCode }) => ({ code, name, cityCode: parentCode!, createdAt: new Date() })),
  );
  return `seeded ${districts.length} districts`;
}
