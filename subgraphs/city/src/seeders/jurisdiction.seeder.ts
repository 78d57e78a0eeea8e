import type { EntityManager } from '@mikro-orm/postgresql';
import { readDivisions } from '@supervision/kit';
import { CityEntity } from '../city/city.entity';

/** Seeds the city row from the shipped division list; does nothing when it is already there. */
export async function seedCity(em: EntityManager): Promise<string> {
  if ((await em.count(CityEntity)) > 0) return 'city data present, seed skipped';
  const cities = readDivisions().filter((division) => division.level === 'city');
  await em.insertMany(CityEntity, cities.map(({ code, name }) => ({ code, name, createdAt: new Date() })));
  return `seeded ${cities.length} city`;
}
