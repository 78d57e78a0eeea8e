import { graphql, startTestPlatform, type TestPlatform } from '../support/platform';

let platform: TestPlatform;
let tokens: Record<'city' | 'district' | 'street', string>;
beforeAll(async () => {
  platform = await startTestPlatform();
  tokens = {
    city: await platform.token({ level: 'city', code: '120000', roles: ['admin'] }),
    district: await platform.token({ level: 'district', code: '120117', roles: ['admin'] }),
    street: await platform.token({ level: 'street', code: '120101001', roles: ['admin'] }),
  };
});
afterAll(() => platform?.stop());

const ROOTS = {
  city: 'city',
  district: 'district(code: "120117")',
  street: 'street(code: "120101001")',
} as const;

/** Every string field of every list filter, at every level. */
const FILTERS: [list: string, filterType: string, field: string][] = [
  ['responsibilityItems', 'ResponsibilityItemFilter', 'text'],
  ['responsibilityItems', 'ResponsibilityItemFilter', 'categoryCode'],
  ['tasks', 'TaskFilter', 'text'],
  ['tasks', 'TaskFilter', 'categoryCode'],
  ['tasks', 'TaskFilter', 'dueFrom'],
  ['tasks', 'TaskFilter', 'dueTo'],
  ['dutyRecords', 'DutyRecordFilter', 'text'],
  ['dutyRecords', 'DutyRecordFilter', 'from'],
  ['dutyRecords', 'DutyRecordFilter', 'to'],
];

const HOSTILE = ["' OR '1'='1", "'; DROP TABLE task; --", '%_\\', "1201' UNION SELECT * FROM audit_entry --", '$$; select pg_sleep(3); $$', '\u0000', 'a\u0000b'];

const cases = (['city', 'district', 'street'] as const).flatMap((level) =>
  FILTERS.flatMap(([list, type, field]) => HOSTILE.map((value) => [level, list, type, field, value] as const)),
);

describe('hostile text in every string filter is either matched as text or refused as BAD_USER_INPUT', () => {
  it.each(cases)('%s %s.%s.%s = %j', async (level, list, type, field, value) => {
    const query = `query($filter: ${type}) { root: ${ROOTS[level]} { ${list}(first: 5, filter: $filter) { totalCount } } }`;
    const response = await graphql<{ root: { [key: string]: { totalCount: number } } }>(platform.gateway.url, query, {
      token: tokens[level],
      variables: { filter: { [field]: value } },
    });
    expect(response.status).toBeLessThan(500);
    if (response.errors) {
      expect(response.errors.map((error) => error.extensions?.code)).toEqual(response.errors.map(() => 'BAD_USER_INPUT'));
      expect(JSON.stringify(response.errors)).not.toMatch(/select |syntax error at|postgres/i);
    } else {
      expect(response.data?.root[list].totalCount).toBe(0);
    }
  });

  it('still answers a plain query after all of that', async () => {
    expect((await graphql(platform.gateway.url, '{ city { code } }')).data).toEqual({ city: { code: '120000' } });
  });
});
