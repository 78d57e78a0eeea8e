import { divisionsFromFile } from '../support/divisions';
import { graphql, startTestPlatform, type TestPlatform } from '../support/platform';

const file = divisionsFromFile();
const fileDistricts = file.filter((row) => row.level === 'district');
const fileStreets = file.filter((row) => row.level === 'street');

let platform: TestPlatform;
beforeAll(async () => {
  platform = await startTestPlatform();
});
afterAll(() => platform?.stop());

describe('the jurisdiction chain through the gateway', () => {
  it('walks from the city down to every district and street, matching the data file', async () => {
    const response = await graphql<{
      city: { code: string; name: string; districts: { code: string; name: string; streets: { code: string; name: string }[] }[] };
    }>(
      platform.gateway.url,
      `{ city { code name districts { code name streets { code name } } } }`,
    );
    expect(response.errors).toBeUndefined();
    const city = response.data!.city;
    expect(city).toMatchObject({ code: '120000', name: '天津市' });
    expect(city.districts.map(({ code, name }) => ({ code, name }))).toEqual(
      fileDistricts.map(({ code, name }) => ({ code, name })),
    );
    const streets = city.districts.flatMap((district) =>
      district.streets.map((street) => ({ ...street, parent: district.code })),
    );
    expect(fileDistricts).toHaveLength(16);
    expect(streets).toHaveLength(299);
    expect(streets).toEqual(fileStreets.map(({ code, name, parent }) => ({ code, name, parent })));
  });

  it('walks from a street up to its district and the city', async () => {
    const response = await graphql<{ street: unknown }>(
      platform.gateway.url,
      `{ street(code: "120116001") { code name kind district { code name city { code name } } } }`,
    );
    expect(response.errors).toBeUndefined();
    const expectedStreet = fileStreets.find((row) => row.code === '120116001')!;
    expect(response.data!.street).toEqual({
      code: '120116001',
      name: expectedStreet.name,
      kind: 'SUBDISTRICT',
      district: { code: '120116', name: '滨海新区', city: { code: '120000', name: '天津市' } },
    });
  });

  it('answers the per-level root fields', async () => {
    const response = await graphql<{
      districts: { code: string }[];
      district: { name: string; streets: { code: string }[] };
      streets: { code: string; kind: string; district: { name: string } }[];
    }>(
      platform.gateway.url,
      `{ districts { code } district(code: "120119") { name streets { code } }
         streets(districtCode: "120101") { code kind district { name } } }`,
    );
    expect(response.errors).toBeUndefined();
    expect(response.data!.districts).toHaveLength(16);
    expect(response.data!.district.name).toBe('蓟州区');
    expect(response.data!.district.streets).toHaveLength(fileStreets.filter((row) => row.parent === '120119').length);
    expect(response.data!.streets.map((street) => street.code)).toEqual(
      fileStreets.filter((row) => row.parent === '120101').map((row) => row.code),
    );
    expect(new Set(response.data!.streets.map((street) => street.district.name))).toEqual(new Set(['和平区']));
  });

  it('tells towns, townships and development zones apart by their code', async () => {
    const response = await graphql<{ streets: { code: string; name: string; kind: string }[] }>(
      platform.gateway.url,
      `{ streets(districtCode: "120113") { code name kind } }`,
    );
    const kinds = Object.fromEntries(response.data!.streets.map((street) => [street.name, street.kind]));
    expect(kinds['红旗农场']).toBe('TOWNSHIP_LIKE');
    expect(Object.entries(kinds).filter(([name]) => name.endsWith('镇')).every(([, kind]) => kind === 'TOWN')).toBe(true);
    expect(Object.entries(kinds).filter(([name]) => name.endsWith('街道')).every(([, kind]) => kind === 'SUBDISTRICT')).toBe(true);
  });
});

describe('bad input', () => {
  it('returns null, not an error, for well-formed codes that match nothing', async () => {
    const response = await graphql(
      platform.gateway.url,
      `{ city(code: "130000") { name } district(code: "120199") { name } street(code: "120101999") { name } }`,
    );
    expect(response.errors).toBeUndefined();
    expect(response.data).toEqual({ city: null, district: null, street: null });
  });

  it.each([
    ['district(code: "abc") { name }', 'code'],
    ['street(code: "1201") { name }', 'code'],
    ['city(code: "120101") { name }', 'code'],
    ['streets(districtCode: "x") { name }', 'districtCode'],
  ])('rejects the malformed code in %s as BAD_USER_INPUT naming %s', async (selection, argument) => {
    const response = await graphql(platform.gateway.url, `{ ${selection} }`);
    expect(response.errors).toHaveLength(1);
    expect(response.errors![0].extensions).toMatchObject({ code: 'BAD_USER_INPUT', field: argument });
    expect(response.errors![0].message).toContain(argument);
  });
});
