import { createHash, randomBytes } from 'node:crypto';
import {
  digestHex,
  newSm2KeyPair,
  registerCryptoSettings,
  ResponsibilityItemEntity,
  signSm2Token,
  type CryptoSettings,
  type Sm2KeyPair,
} from '@supervision/kit';
import { graphql, startTestPlatform, type TestPlatform } from '../support/platform';

const BINHAI = '120116';
const SM3_SEALED: CryptoSettings = {
  digestAlgorithm: 'sm3',
  evidenceKeys: { cipher: 'sm4-cbc-hmac-sm3', activeKeyId: 'district-2026-1', keys: new Map([['district-2026-1', randomBytes(32)]]) },
};

let platform: TestPlatform;
let sm2Key: Sm2KeyPair;
let sm2Admin: string;
let sm2Commission: string;

function sm2Token(roles: ('admin' | 'commission')[], key: Sm2KeyPair = sm2Key): string {
  return signSm2Token({ subject: `sm2-${roles.join('-')}`, level: 'district', code: BINHAI, roles }, { privateKeyHex: key.privateKeyHex, kid: key.publicJwk.kid! });
}

async function sql<T>(text: string, params: unknown[] = []): Promise<T[]> {
  return platform.subgraphs.district.orm.em.getConnection().execute<T[]>(text, params);
}

let units = 0;

async function createUnitAndCadre(token: string): Promise<{ unitId: string; cadreId: string }> {
  units += 1;
  const unit = await graphql<{ createDistrictUnit: { id: string } }>(
    platform.gateway.url,
    `mutation($input: CreateUnitInput!) { createDistrictUnit(input: $input) { id } }`,
    { token, variables: { input: { jurisdictionCode: BINHAI, name: `滨海新区第${units}局党组`, kind: 'PARTY_COMMITTEE' } } },
  );
  expect(unit.errors).toBeUndefined();
  const cadre = await graphql<{ addDistrictCadre: { id: string } }>(
    platform.gateway.url,
    `mutation($input: AddCadreInput!) { addDistrictCadre(input: $input) { id } }`,
    { token, variables: { input: { unitId: unit.data!.createDistrictUnit.id, name: '张某', position: '党组书记' } } },
  );
  expect(cadre.errors).toBeUndefined();
  return { unitId: unit.data!.createDistrictUnit.id, cadreId: cadre.data!.addDistrictCadre.id };
}

async function verifyChain(token: string) {
  const response = await graphql<{ verifyDistrictAuditChain: { valid: boolean; entriesChecked: number; firstInvalidSeq: string | null } }>(
    platform.gateway.url,
    '{ verifyDistrictAuditChain { valid entriesChecked firstInvalidSeq reason } }',
    { token },
  );
  expect(response.errors).toBeUndefined();
  return response.data!.verifyDistrictAuditChain;
}

beforeAll(async () => {
  sm2Key = newSm2KeyPair('district-sm2-1');
  platform = await startTestPlatform({ cryptography: { district: SM3_SEALED }, tokenKeys: { jwks: { keys: [sm2Key.publicJwk] } } });
  sm2Admin = sm2Token(['admin']);
  sm2Commission = sm2Token(['commission']);
});
afterAll(() => platform?.stop());

describe('SM2 tokens at the gateway and in the subgraphs', () => {
  it('accepts an SM2 token whose kid names a configured SM2 key, and refuses one signed by another SM2 key', async () => {
    const ok = await graphql<{ district: { units: unknown[] } }>(platform.gateway.url, `{ district(code: "${BINHAI}") { units { id } } }`, { token: sm2Admin });
    expect(ok.errors).toBeUndefined();
    const forged = await graphql(platform.gateway.url, `{ district(code: "${BINHAI}") { units { id } } }`, {
      token: sm2Token(['admin'], { ...newSm2KeyPair(), publicJwk: sm2Key.publicJwk }),
    });
    expect(forged.status).toBe(401);
    expect(forged.errors?.[0].extensions).toMatchObject({ code: 'UNAUTHENTICATED' });
  });

  it('a subgraph called directly verifies the SM2 token itself', async () => {
    const call = (token: string) =>
      graphql(platform.subgraphs.district.url, `{ district(code: "${BINHAI}") { code } }`, {
        token,
        headers: { 'x-gateway-secret': platform.secrets.gatewaySecret },
      });
    expect((await call(sm2Admin)).status).toBe(200);
    const [header, body] = sm2Admin.split('.');
    expect((await call(`${header}.${body}.${Buffer.alloc(64, 7).toString('base64url')}`)).status).toBe(401);
  });
});

describe('SM3 audit chain', () => {
  it('chains new entries with SM3, verifies a chain that switched algorithm, and finds a tampered entry', async () => {
    // The level starts on SHA-256 (an installation from before the choice) and switches to SM3.
    registerCryptoSettings(platform.subgraphs.district.requestOrm.em, { digestAlgorithm: 'sha256' });
    await createUnitAndCadre(sm2Admin);
    registerCryptoSettings(platform.subgraphs.district.requestOrm.em, SM3_SEALED);
    await createUnitAndCadre(sm2Admin);

    const rows = await sql<{ seq: string; algorithm: string }>('select "seq", "algorithm" from "audit_entry" order by "seq"');
    expect(rows.map((row) => row.algorithm)).toEqual(['sha256', 'sha256', 'sm3', 'sm3']);
    const api = await graphql<{ districtAuditTrail: { algorithm: string }[] }>(
      platform.gateway.url,
      'query($id: ID!) { districtAuditTrail(entityType: CADRE, entityId: $id) { algorithm hash } }',
      { token: sm2Commission, variables: { id: (await sql<{ entity_id: string }>('select "entity_id" from "audit_entry" where "seq" = ?', [rows[3].seq]))[0].entity_id } },
    );
    expect(api.data?.districtAuditTrail.map((entry) => entry.algorithm)).toEqual(['sm3']);
    expect(await verifyChain(sm2Commission)).toMatchObject({ valid: true, entriesChecked: 4, firstInvalidSeq: null });

    // Someone with database rights edits an SM3 entry behind the platform's back.
    const target = rows[2].seq;
    await sql('alter table "audit_entry" disable trigger "audit_entry_no_update"');
    await sql(`update "audit_entry" set "after" = jsonb_set("after"::jsonb, '{name}', '"篡改"') where "seq" = ?`, [target]);
    await sql('alter table "audit_entry" enable trigger "audit_entry_no_update"');
    expect(await verifyChain(sm2Commission)).toMatchObject({ valid: false, firstInvalidSeq: target });
    await expect(sql('delete from "audit_entry" where "seq" = ?', [target])).rejects.toThrow(/append-only/);
  });
});

describe('SM4-sealed evidence', () => {
  it('round-trips through the gateway, is not plaintext in the database, and carries its key id and SM3 digest', async () => {
    const { unitId, cadreId } = await createUnitAndCadre(sm2Admin);
    const em = platform.subgraphs.district.orm.em.fork();
    const item = em.create(ResponsibilityItemEntity, {
      jurisdictionCode: BINHAI,
      unitId,
      cadreId,
      categoryCode: 'PARTY_CONDUCT',
      content: '落实巡察整改主体责任',
      basis: '《党委(党组)落实全面从严治党主体责任规定》',
      year: 2025,
    });
    await em.flush();
    const plaintext = Buffer.from('约谈记录：滨海新区某局党组书记就巡察反馈问题作出说明。'.repeat(20), 'utf8');
    const created = await graphql<{ recordDistrictDuty: { attachments: { id: string; sha256: string; digestAlgorithm: string; digest: string }[] } }>(
      platform.gateway.url,
      `mutation($input: RecordDutyInput!) { recordDistrictDuty(input: $input) { attachments { id sha256 digestAlgorithm digest } } }`,
      {
        token: sm2Admin,
        variables: {
          input: {
            cadreId,
            kind: 'MEETING',
            occurredOn: '2025-03-14',
            summary: '专题研究巡察整改',
            responsibilityItemId: item.id,
            attachments: [{ name: '约谈记录.txt', contentType: 'text/plain', contentBase64: plaintext.toString('base64') }],
          },
        },
      },
    );
    expect(created.errors).toBeUndefined();
    const [attachment] = created.data!.recordDistrictDuty.attachments;
    expect(attachment).toMatchObject({
      sha256: createHash('sha256').update(plaintext).digest('hex'),
      digestAlgorithm: 'sm3',
      digest: digestHex('sm3', plaintext),
    });

    // The one stored copy of the content (evidence_content, keyed by the file's SHA-256) is the sealed one.
    const [row] = await sql<{ content: Buffer; key_id: string; size: number }>(
      'select c."content", c."key_id", c."size" from "attachment" a join "evidence_content" c on c."sha256" = a."sha256" where a."id" = ?',
      [attachment.id],
    );
    expect(row.key_id).toBe('district-2026-1');
    expect(row.size).toBe(plaintext.length);
    expect(row.content.equals(plaintext)).toBe(false);
    expect(row.content.includes(Buffer.from('约谈记录'))).toBe(false);

    const download = await graphql<{ districtAttachmentContent: string }>(platform.gateway.url, 'query($id: ID!) { districtAttachmentContent(id: $id) }', {
      token: sm2Admin,
      variables: { id: attachment.id },
    });
    expect(download.errors).toBeUndefined();
    expect(Buffer.from(download.data!.districtAttachmentContent, 'base64').equals(plaintext)).toBe(true);
  });

  it('refuses a sealed level\'s oversized file as BAD_USER_INPUT naming it, and writes nothing', async () => {
    const { unitId, cadreId } = await createUnitAndCadre(sm2Admin);
    const em = platform.subgraphs.district.orm.em.fork();
    const item = em.create(ResponsibilityItemEntity, {
      jurisdictionCode: BINHAI,
      unitId,
      cadreId,
      categoryCode: 'PARTY_CONDUCT',
      content: '落实述责述廉主体责任',
      basis: '《党委(党组)落实全面从严治党主体责任规定》',
      year: 2025,
    });
    await em.flush();
    const counts = async () => sql<{ records: string; files: string; audit: string }>(
      'select (select count(*) from "duty_record") as "records", (select count(*) from "attachment") as "files", (select count(*) from "audit_entry") as "audit"',
    );
    const before = await counts();
    const tooLarge = Buffer.alloc(5 * 1024 * 1024 + 1, 0x61).toString('base64');
    const response = await graphql(
      platform.gateway.url,
      `mutation($input: RecordDutyInput!) { recordDistrictDuty(input: $input) { id } }`,
      {
        token: sm2Admin,
        variables: {
          input: {
            cadreId,
            kind: 'REPORT',
            occurredOn: '2025-03-15',
            summary: '述责述廉报告',
            responsibilityItemId: item.id,
            attachments: [
              { name: '说明.txt', contentType: 'text/plain', contentBase64: Buffer.from('说明').toString('base64') },
              { name: '报告.pdf', contentType: 'application/pdf', contentBase64: tooLarge },
            ],
          },
        },
      },
    );
    expect(response.errors?.[0].extensions).toMatchObject({ code: 'BAD_USER_INPUT', field: 'input.attachments.1.contentBase64' });
    expect(await counts()).toEqual(before);
  });
});
