import { today, type Level } from '@supervision/kit';
import { graphql, type TestPlatform } from './platform';

/** A calendar day relative to today in Tianjin (the platform's "today"), as YYYY-MM-DD. */
export function daysFromToday(days: number): string {
  const [year, month, day] = today().split('-').map(Number);
  return new Date(Date.UTC(year, month - 1, day + days)).toISOString().slice(0, 10);
}

const PREFIX: Record<Level, string> = { city: 'City', district: 'District', street: 'Street' };

async function call<T>(platform: TestPlatform, token: string, query: string, variables: Record<string, unknown>): Promise<T> {
  const response = await graphql<T>(platform.gateway.url, query, { token, variables });
  if (response.errors) throw new Error(`fixture call failed: ${JSON.stringify(response.errors)}`);
  return response.data!;
}

export interface OrgFixture {
  unitId: string;
  cadreIds: string[];
}

/** A unit with cadres, made through the gateway as an administrator would. */
export async function createUnitWithCadres(
  platform: TestPlatform,
  token: string,
  level: Level,
  jurisdictionCode: string,
  cadreNames: string[],
  unitName = `${jurisdictionCode} 党委`,
): Promise<OrgFixture> {
  const prefix = PREFIX[level];
  const unit = await call<Record<string, { id: string }>>(
    platform,
    token,
    `mutation($input: CreateUnitInput!) { create${prefix}Unit(input: $input) { id } }`,
    { input: { jurisdictionCode, name: unitName, kind: 'PARTY_COMMITTEE' } },
  );
  const unitId = unit[`create${prefix}Unit`].id;
  const cadreIds: string[] = [];
  for (const name of cadreNames) {
    const cadre = await call<Record<string, { id: string }>>(
      platform,
      token,
      `mutation($input: AddCadreInput!) { add${prefix}Cadre(input: $input) { id } }`,
      { input: { unitId, name, position: '党委委员' } },
    );
    cadreIds.push(cadre[`add${prefix}Cadre`].id);
  }
  return { unitId, cadreIds };
}

/** A responsibility item through the gateway; returns its id. */
export async function createResponsibilityItem(
  platform: TestPlatform,
  token: string,
  level: Level,
  input: { unitId: string; cadreId?: string | null; parentItemId?: string | null; categoryCode: string; year?: number; content?: string; basis?: string },
): Promise<string> {
  const prefix = PREFIX[level];
  const data = await call<Record<string, { id: string }>>(
    platform,
    token,
    `mutation($input: CreateResponsibilityItemInput!) { create${prefix}ResponsibilityItem(input: $input) { id } }`,
    { input: { year: 2026, content: '落实全面从严治党主体责任', basis: '《党委(党组)落实全面从严治党主体责任规定》', ...input } },
  );
  return data[`create${prefix}ResponsibilityItem`].id;
}
