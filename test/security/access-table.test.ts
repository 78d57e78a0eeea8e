import { randomUUID } from 'node:crypto';
import {
  cellApplies,
  expectedAccess,
  GATEWAY_SECRET_HEADER,
  parentCode,
  READERS,
  RECORD_KINDS,
  RELATIONS,
  SAMPLE_CODES,
  sampleOwnerCode,
  levelOfCode,
  type Level,
  type Reader,
  type RecordKind,
  type Relation,
} from '@supervision/kit';
import { graphql, startTestPlatform, type GraphQLResponse, type TestPlatform } from '../support/platform';
import { type AnyData } from '../support/gateway-client';

/*
 * 访问权限表逐格验证 The cells of the access table (subgraphs/kit/src/authz/access-table.ts),
 * generated from it: for every reader (level × role, and anonymous) and every relation of the
 * record's owner to the reader (own / child / sibling / parent / addressed-to-me), the record is
 * read through the gateway's root field and through `_entities` on the owner's subgraph directly
 * (with the gateway secret), and written through the gateway; each answer is what the table says.
 *
 * Walked kinds: those whose fixtures are below (units, cadres, responsibility items, tasks, duty
 * records, directives — the addressed kind).
 * Directives are issued for the caller's own jurisdiction by construction, so only their `own`
 * write cells have a mutation to try.
 */

const LEVEL_PREFIX: Record<Level, string> = { city: 'City', district: 'District', street: 'Street' };
const CHILDREN: Record<string, string[]> = { '120000': ['120101', '120102'], '120101': ['120101001', '120101002'], '120102': ['120102001'] };

let platform: TestPlatform;
const tokens = new Map<string, string>();
const adminOf = (code: string) => tokens.get(`admin:${code}`)!;

function call(token: string | undefined, query: string, variables: Record<string, unknown> = {}): Promise<GraphQLResponse<AnyData>> {
  return graphql<AnyData>(platform.gateway.url, query, { token, variables });
}

async function callOk(token: string, query: string, variables: Record<string, unknown> = {}): Promise<AnyData> {
  const response = await call(token, query, variables);
  expect(response.errors).toBeUndefined();
  return response.data!;
}

interface KindWalk {
  concept: string;
  /** Creates a record owned by `owner` (addressed to `addressee`, for an addressable kind); returns its id. */
  create(owner: string, addressee: string | undefined): Promise<string>;
  /**
   * The write names one of the owner's records (a cadre names its unit): a writer who may not read
   * that record does not find it (NOT_FOUND) before anything is checked; otherwise FORBIDDEN.
   */
  writeNamesRecord?: boolean;
  /** The kind of the record the write names first (a task names its responsibility item), when not the walked kind: its read rule decides NOT_FOUND or FORBIDDEN. */
  writeNamesKind?: string;
  /** Tries a write of this kind into `owner`'s records as `token`; undefined when no mutation can aim at another's records. */
  write(token: string | undefined, owner: string, relation: Relation): Promise<GraphQLResponse<AnyData>> | undefined;
}

const unitIds = new Map<string, string>();
async function unitOf(owner: string): Promise<string> {
  if (!unitIds.has(owner)) {
    const level = levelOfCode(owner)!;
    const data = await callOk(adminOf(owner), `mutation($input: CreateUnitInput!) { u: create${LEVEL_PREFIX[level]}Unit(input: $input) { id } }`, {
      input: { jurisdictionCode: owner, name: `单位-${randomUUID()}`, kind: 'DEPARTMENT' },
    });
    unitIds.set(owner, data.u.id);
  }
  return unitIds.get(owner)!;
}

const cadreIds = new Map<string, string>();
async function cadreOf(owner: string): Promise<string> {
  if (!cadreIds.has(owner)) {
    const level = levelOfCode(owner)!;
    const data = await callOk(adminOf(owner), `mutation($input: AddCadreInput!) { c: add${LEVEL_PREFIX[level]}Cadre(input: $input) { id } }`, {
      input: { unitId: await unitOf(owner), name: '责任人', position: '书记', teamMember: true, principal: false },
    });
    cadreIds.set(owner, data.c.id);
  }
  return cadreIds.get(owner)!;
}

/** A responsibility item of `owner`'s unit, created as `token` (the owner's admin when arranging). */
async function createItem(token: string | undefined, owner: string): Promise<GraphQLResponse<AnyData>> {
  return call(token, `mutation($input: CreateResponsibilityItemInput!) { r: create${LEVEL_PREFIX[levelOfCode(owner)!]}ResponsibilityItem(input: $input) { id } }`, {
    input: { unitId: await unitOf(owner), cadreId: await cadreOf(owner), categoryCode: 'PARTY_CONDUCT', year: 2026, content: `事项-${randomUUID()}` },
  });
}

const itemIds = new Map<string, string>();
async function itemOf(owner: string): Promise<string> {
  if (!itemIds.has(owner)) {
    const response = await createItem(adminOf(owner), owner);
    expect(response.errors).toBeUndefined();
    itemIds.set(owner, response.data!.r.id);
  }
  return itemIds.get(owner)!;
}

async function createTask(token: string | undefined, owner: string): Promise<GraphQLResponse<AnyData>> {
  return call(token, `mutation($input: CreateTaskInput!) { t: create${LEVEL_PREFIX[levelOfCode(owner)!]}Task(input: $input) { id } }`, {
    input: { responsibilityItemId: await itemOf(owner), cadreId: await cadreOf(owner), title: `任务-${randomUUID()}`, dueDate: '2026-12-31' },
  });
}

/** A duty record (version 1) of `owner`'s cadre, carrying out the owner's responsibility item. */
async function recordDuty(token: string | undefined, owner: string): Promise<GraphQLResponse<AnyData>> {
  return call(token, `mutation($input: RecordDutyInput!) { d: record${LEVEL_PREFIX[levelOfCode(owner)!]}Duty(input: $input) { id } }`, {
    input: { cadreId: await cadreOf(owner), responsibilityItemId: await itemOf(owner), kind: 'MEETING', occurredOn: '2026-11-20', summary: `纪实-${randomUUID()}` },
  });
}

const WALKS: KindWalk[] = [
  {
    concept: 'Unit',
    create: async (owner) => {
      const level = levelOfCode(owner)!;
      const data = await callOk(adminOf(owner), `mutation($input: CreateUnitInput!) { u: create${LEVEL_PREFIX[level]}Unit(input: $input) { id } }`, {
        input: { jurisdictionCode: owner, name: `读取-${randomUUID()}`, kind: 'DEPARTMENT' },
      });
      return data.u.id;
    },
    write: (token, owner) =>
      call(token, `mutation($input: CreateUnitInput!) { u: create${LEVEL_PREFIX[levelOfCode(owner)!]}Unit(input: $input) { id } }`, {
        input: { jurisdictionCode: owner, name: `写入-${randomUUID()}`, kind: 'DEPARTMENT' },
      }),
  },
  {
    concept: 'Cadre',
    writeNamesRecord: true,
    create: async (owner) => {
      const level = levelOfCode(owner)!;
      const data = await callOk(adminOf(owner), `mutation($input: AddCadreInput!) { c: add${LEVEL_PREFIX[level]}Cadre(input: $input) { id } }`, {
        input: { unitId: await unitOf(owner), name: '干部', position: '副职', teamMember: true, principal: false },
      });
      return data.c.id;
    },
    write: (token, owner) =>
      unitOf(owner).then((unitId) =>
        call(token, `mutation($input: AddCadreInput!) { c: add${LEVEL_PREFIX[levelOfCode(owner)!]}Cadre(input: $input) { id } }`, {
          input: { unitId, name: '新干部', position: '副职', teamMember: true, principal: false },
        }),
      ),
  },
  {
    concept: 'ResponsibilityItem',
    writeNamesRecord: true,
    writeNamesKind: 'Unit',
    create: async (owner) => {
      const response = await createItem(adminOf(owner), owner);
      expect(response.errors).toBeUndefined();
      return response.data!.r.id;
    },
    write: (token, owner) => createItem(token, owner),
  },
  {
    concept: 'Task',
    writeNamesRecord: true,
    writeNamesKind: 'ResponsibilityItem',
    create: async (owner) => {
      const response = await createTask(adminOf(owner), owner);
      expect(response.errors).toBeUndefined();
      return response.data!.t.id;
    },
    write: (token, owner) => createTask(token, owner),
  },
  {
    concept: 'DutyRecord',
    writeNamesRecord: true,
    create: async (owner) => {
      const response = await recordDuty(adminOf(owner), owner);
      expect(response.errors).toBeUndefined();
      return response.data!.d.id;
    },
    write: (token, owner) => recordDuty(token, owner),
  },
  {
    concept: 'Directive',
    create: async (owner, addressee) => {
      const level = levelOfCode(owner)!;
      const data = await callOk(adminOf(owner), `mutation($input: IssueDirectiveInput!) { d: issue${LEVEL_PREFIX[level]}Directive(input: $input) { id } }`, {
        input: { title: '任务', requirements: '要求', deadline: '2030-12-31', targetCodes: [addressee] },
      });
      return data.d.id;
    },
    write: (token, owner, relation) =>
      relation !== 'own'
        ? undefined
        : call(token, `mutation($input: IssueDirectiveInput!) { d: issue${LEVEL_PREFIX[levelOfCode(owner)!]}Directive(input: $input) { id } }`, {
          input: { title: '写入', requirements: '要求', deadline: '2030-12-31', targetCodes: [CHILDREN[owner]![0]] },
        }),
  },
];

/** Whom an addressable record names: the reader (addressed), someone else (parent), or any child. */
function addresseeFor(kind: RecordKind, owner: string, relation: Relation, readerCode: string): string | undefined {
  if (!kind.addressedCodes) return undefined;
  if (relation === 'addressed') return readerCode;
  return CHILDREN[owner]!.find((code) => code !== readerCode);
}

interface Cell {
  kind: RecordKind;
  walk: KindWalk;
  level: Level;
  reader: Reader;
  relation: Relation;
  owner: string;
}

const LEVELS: Level[] = ['city', 'district', 'street'];
const cells: Cell[] = WALKS.flatMap((walk) => {
  const kind = RECORD_KINDS.find((candidate) => candidate.concept === walk.concept)!;
  return LEVELS.flatMap((level) =>
    READERS.flatMap((reader) =>
      RELATIONS.filter((relation) => cellApplies(kind, level, relation)).map((relation) => ({ kind, walk, level, reader, relation, owner: sampleOwnerCode(level, relation)! })),
    ),
  );
});
const records = new Map<string, string>();
const recordKey = (cell: Cell) => `${cell.kind.concept}:${cell.owner}:${addresseeFor(cell.kind, cell.owner, cell.relation, SAMPLE_CODES[cell.level]) ?? ''}`;

beforeAll(async () => {
  platform = await startTestPlatform();
  for (const code of ['120000', '120101', '120102', '120101001', '120101002', '120102001']) {
    const level = levelOfCode(code)!;
    tokens.set(`admin:${code}`, await platform.token({ level, code, roles: ['admin'] }));
  }
  for (const level of LEVELS) {
    for (const reader of READERS) {
      if (reader !== 'anonymous') tokens.set(`${level}:${reader}`, await platform.token({ level, code: SAMPLE_CODES[level], roles: [reader] }));
    }
  }
  for (const cell of cells) {
    const key = recordKey(cell);
    if (!records.has(key)) records.set(key, await cell.walk.create(cell.owner, addresseeFor(cell.kind, cell.owner, cell.relation, SAMPLE_CODES[cell.level])));
  }
});
afterAll(() => platform?.stop());

function tokenOf(cell: Cell): string | undefined {
  return cell.reader === 'anonymous' ? undefined : tokens.get(`${cell.level}:${cell.reader}`);
}

/**
 * A refused write is FORBIDDEN (UNAUTHENTICATED without a token; NOT_FOUND when it names a record the
 * writer cannot even read). A refused read by a signed-in
 * reader finds nothing: row-level security keeps the row out of the reader's view, so the answer is
 * null with no error, exactly as for an id that does not exist (the database never says that an id
 * exists in another jurisdiction); without a token it is UNAUTHENTICATED.
 */
function expectRefused(response: GraphQLResponse<AnyData>, cell: Cell, what: 'read' | 'write', readable = false): void {
  if (cell.reader === 'anonymous') expect(response.errors?.[0]?.extensions?.code).toBe('UNAUTHENTICATED');
  else if (what === 'write') expect(response.errors?.[0]?.extensions?.code).toBe(cell.walk.writeNamesRecord && !readable ? 'NOT_FOUND' : 'FORBIDDEN');
  else expect(response.errors).toBeUndefined();
}

describe.each(WALKS.map((walk) => walk.concept))('access table: %s', (concept) => {
  const mine = cells.filter((cell) => cell.kind.concept === concept);

  it.each(mine.map((cell) => [`${cell.level} ${cell.reader} · ${cell.relation} (${cell.owner})`, cell] as const))('%s', async (_name, cell) => {
    const expected = expectedAccess(cell.kind, cell.level, cell.reader, cell.relation);
    const id = records.get(recordKey(cell))!;
    const ownerLevel = levelOfCode(cell.owner)!;
    const typeName = `${LEVEL_PREFIX[ownerLevel]}${concept}`;
    const token = tokenOf(cell);

    // Through the gateway's root field.
    const viaGateway = await call(token, `query($id: ID!) { r: ${ownerLevel}${concept}(id: $id) { id } }`, { id });
    if (expected.read) {
      expect(viaGateway.errors).toBeUndefined();
      expect(viaGateway.data?.r?.id).toBe(id);
    } else {
      expectRefused(viaGateway, cell, 'read');
      expect(viaGateway.data?.r ?? null).toBeNull();
    }

    // Through `_entities` on the owner's subgraph, as the gateway would call it.
    const viaEntities = await graphql<AnyData>(platform.subgraphs[ownerLevel].url, `query($r: [_Any!]!) { _entities(representations: $r) { ... on ${typeName} { id } } }`, {
      token,
      variables: { r: [{ __typename: typeName, id }] },
      headers: { [GATEWAY_SECRET_HEADER]: platform.secrets.gatewaySecret },
    });
    if (expected.read) {
      expect(viaEntities.errors).toBeUndefined();
      expect(viaEntities.data?._entities).toEqual([{ id }]);
    } else {
      expectRefused(viaEntities, cell, 'read');
      if (cell.reader === 'anonymous') expect(viaEntities.errors?.[0]?.path).toEqual(['_entities', 0]);
      expect(viaEntities.data?._entities).toEqual([null]);
    }

    // A write into the owner's records through the gateway.
    const write = cell.walk.write(token, cell.owner, cell.relation);
    if (write) {
      const response = await write;
      if (expected.write) expect(response.errors).toBeUndefined();
      else {
        const named = RECORD_KINDS.find((candidate) => candidate.concept === (cell.walk.writeNamesKind ?? concept))!;
        expectRefused(response, cell, 'write', expectedAccess(named, cell.level, cell.reader, cell.relation).read);
      }
    }
  });
});

it('the sample codes stand in the relations the table names', () => {
  expect(parentCode(SAMPLE_CODES.street)).toBe(SAMPLE_CODES.district);
  expect(parentCode(SAMPLE_CODES.district)).toBe(SAMPLE_CODES.city);
  expect(cells.length).toBeGreaterThan(100);
});
