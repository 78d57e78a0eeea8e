import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { AUDIT_ENTITY_TYPES, CLASSIFIED_AUDIT_PROPERTIES, CLASSIFICATION_GRANTS, classifiedFields, GATEWAY_SECRET_HEADER } from '@supervision/kit';
import { buildSchema } from 'graphql';
import { graphql, startTestPlatform, type GraphQLResponse, type TestPlatform } from '../support/platform';
import { gatewayCaller, type AnyData } from '../support/gateway-client';
import { createResponsibilityItem, createUnitWithCadres, daysFromToday } from '../support/task-fixtures';

/*
 * 敏感字段 Classified fields through the real gateway: a case's facts (CONFIDENTIAL) and an evidence
 * file's content (RESTRICTED) answer to the roles the access table grants; any other reader of the
 * same record gets null with FORBIDDEN on that field's path, and the rest of the record — on every
 * path: root field, list, `_entities`, export.
 */

let platform: TestPlatform;
let cityCommission: string;
let cityAdminAnalyst: string;
let cityAnalyst: string;
let hepingAdmin: string;
let hepingAnalyst: string;
let caseId: string;
let attachmentId: string;

const FACTS = '专项整治任务全年无履职纪实，问题线索涉及具体人员。';
const EVIDENCE = Buffer.from('约谈记录原文：……', 'utf8');

const { call, callOk } = gatewayCaller(() => platform);

beforeAll(async () => {
  platform = await startTestPlatform();
  cityCommission = await platform.token({ level: 'city', code: '120000', roles: ['commission'] });
  cityAdminAnalyst = await platform.token({ level: 'city', code: '120000', roles: ['admin', 'analyst'] });
  cityAnalyst = await platform.token({ level: 'city', code: '120000', roles: ['analyst'] });
  hepingAdmin = await platform.token({ level: 'district', code: '120101', roles: ['admin'] });
  hepingAnalyst = await platform.token({ level: 'district', code: '120101', roles: ['analyst'] });

  const heping = await createUnitWithCadres(platform, hepingAdmin, 'district', '120101', ['王强'], '和平区某局党组');
  const itemId = await createResponsibilityItem(platform, hepingAdmin, 'district', { unitId: heping.unitId, cadreId: heping.cadreIds[0], categoryCode: 'PARTY_CONDUCT' });
  const task = await callOk<AnyData>(hepingAdmin, `mutation($input: CreateTaskInput!) { createDistrictTask(input: $input) { id } }`, {
    input: { responsibilityItemId: itemId, cadreId: heping.cadreIds[0], title: '开展专项整治', description: '', dueDate: daysFromToday(30) },
  });
  const recorded = await callOk<AnyData>(hepingAdmin, `mutation($input: RecordDutyInput!) { recordDistrictDuty(input: $input) { attachments { id } } }`, {
    input: {
      cadreId: heping.cadreIds[0], kind: 'MEETING', occurredOn: daysFromToday(-2), taskId: task.createDistrictTask.id, summary: '召开专题会',
      attachments: [{ name: '记录.txt', contentType: 'text/plain', contentBase64: EVIDENCE.toString('base64') }],
    },
  });
  attachmentId = recorded.recordDistrictDuty.attachments[0].id;
  const opened = await callOk<AnyData>(cityCommission, `mutation($input: OpenAccountabilityCaseInput!) { openCityAccountabilityCase(input: $input) { id } }`, {
    input: {
      jurisdictionCode: '120000', subjectJurisdictionCode: '120101', subjectUnitId: heping.unitId, subjectCadreId: heping.cadreIds[0],
      responsibilityKind: 'PRIMARY', title: '落实主体责任不力', facts: FACTS, basis: [{ kind: 'TASK', level: 'DISTRICT', id: task.createDistrictTask.id }],
    },
  });
  caseId = opened.openCityAccountabilityCase.id;
});
afterAll(() => platform?.stop());

/** The refusals of classified fields in an answer, as [path, code, classification]. */
function refusals(response: GraphQLResponse<unknown>) {
  return (response.errors ?? []).map((error) => [error.path?.join('.'), error.extensions?.code, error.extensions?.classification]);
}

const CASE = `query($id: ID!) { cityAccountabilityCase(id: $id) { id title status facts } }`;

describe('CONFIDENTIAL: a case\'s facts', () => {
  it('the access table grants CONFIDENTIAL to commission staff only', () => {
    expect(CLASSIFICATION_GRANTS.CONFIDENTIAL.roles).toEqual(['commission']);
  });

  it('commission staff read the facts', async () => {
    const data = await callOk(cityCommission, CASE, { id: caseId });
    expect(data.cityAccountabilityCase).toMatchObject({ id: caseId, title: '落实主体责任不力', facts: FACTS });
  });

  it.each([['admin + analyst', () => cityAdminAnalyst], ['analyst', () => cityAnalyst]])('%s of the same jurisdiction reads the case, with facts null and FORBIDDEN on that field', async (_name, token) => {
    const response = await call(token(), CASE, { id: caseId });
    expect(response.data!.cityAccountabilityCase).toEqual({ id: caseId, title: '落实主体责任不力', status: 'OPEN', facts: null });
    expect(refusals(response)).toEqual([['cityAccountabilityCase.facts', 'FORBIDDEN', 'CONFIDENTIAL']]);
    expect(JSON.stringify(response)).not.toContain(FACTS);
  });

  it('a list refuses the field on each row, not the list', async () => {
    const query = `{ city(code: "120000") { accountabilityCases(first: 10) { edges { node { id title facts } } } } }`;
    const response = await call(cityAnalyst, query);
    expect(response.data!.city.accountabilityCases.edges).toEqual([{ node: { id: caseId, title: '落实主体责任不力', facts: null } }]);
    expect(refusals(response)).toEqual([['city.accountabilityCases.edges.0.node.facts', 'FORBIDDEN', 'CONFIDENTIAL']]);
  });

  it('_entities on the city subgraph applies the same grant', async () => {
    const entities = (token: string) =>
      graphql<AnyData>(platform.subgraphs.city.url, `query($r: [_Any!]!) { _entities(representations: $r) { ... on CityAccountabilityCase { id facts } } }`, {
        token,
        variables: { r: [{ __typename: 'CityAccountabilityCase', id: caseId }] },
        headers: { [GATEWAY_SECRET_HEADER]: platform.secrets.gatewaySecret },
      });
    const refused = await entities(cityAnalyst);
    expect(refused.data!._entities).toEqual([{ id: caseId, facts: null }]);
    expect(refusals(refused)).toEqual([['_entities.0.facts', 'FORBIDDEN', 'CONFIDENTIAL']]);
    const granted = await entities(cityCommission);
    expect(granted.data!._entities).toEqual([{ id: caseId, facts: FACTS }]);
    expect(granted.errors).toBeUndefined();
  });

  it('the accountability export carries the facts for commission staff, an empty cell for anyone else', async () => {
    const exportCsv = (token: string) => fetch(platform.gateway.url.replace(/\/graphql$/, '/export/accountability-cases.csv'), { headers: { authorization: `Bearer ${token}` } });
    const commission = await exportCsv(cityCommission);
    expect(commission.status).toBe(200);
    const granted = await commission.text();
    expect(granted).toContain('问题事实');
    expect(granted).toContain(FACTS);

    const analyst = await exportCsv(cityAdminAnalyst);
    expect(analyst.status).toBe(200);
    const refused = await analyst.text();
    expect(refused).toContain('问题事实');
    expect(refused).toContain('落实主体责任不力');
    expect(refused).not.toContain(FACTS);
  });
});

describe('the audit trail withholds what the classified field withholds', () => {
  const TRAIL = `query($id: ID!) {
    cityAuditTrail(entityType: ACCOUNTABILITY_CASE, entityId: $id) { action after }
    cityAccountabilityCase(id: $id) { auditTrail { action after } }
  }`;

  it('commission staff read the facts as they were written', async () => {
    const data = await callOk(cityCommission, TRAIL, { id: caseId });
    const created = data.cityAuditTrail.find((entry: AnyData) => entry.action === 'create');
    expect(created.after).toMatchObject({ facts: FACTS });
    expect(created.after).not.toHaveProperty('_withheld');
    expect(data.cityAccountabilityCase.auditTrail).toEqual(data.cityAuditTrail);
  });

  it.each([['admin + analyst', () => cityAdminAnalyst], ['analyst', () => cityAnalyst]])('%s reads the trail with the facts null and named as withheld, on both paths', async (_name, token) => {
    const data = await callOk(token(), TRAIL, { id: caseId });
    const created = data.cityAuditTrail.find((entry: AnyData) => entry.action === 'create');
    expect(created.after).toMatchObject({ title: '落实主体责任不力', facts: null, _withheld: { facts: 'CONFIDENTIAL' } });
    expect(JSON.stringify(data)).not.toContain(FACTS);
  });

  it('every classified field of an audited record type is withheld in the trail', () => {
    const sdl = readFileSync(join(__dirname, '..', '..', 'schema', 'supergraph.graphql'), 'utf8');
    const audited = new Set(Object.keys(AUDIT_ENTITY_TYPES));
    const missing = classifiedFields(buildSchema(sdl, { assumeValidSDL: true }))
      .map((entry) => ({ ...entry, kind: entry.type.replace(/^(City|District|Street)/, '') }))
      .filter((entry) => audited.has(entry.kind))
      .filter((entry) => (CLASSIFIED_AUDIT_PROPERTIES as Record<string, Record<string, string> | undefined>)[entry.kind]?.[entry.field] !== entry.level)
      .map((entry) => `${entry.type}.${entry.field}`);
    expect(missing).toEqual([]);
  });
});

describe('RESTRICTED: an evidence file\'s content', () => {
  const CONTENT = `query($id: ID!) { districtAttachmentContent(id: $id) }`;

  it('the unit\'s admin reads the file it uploaded', async () => {
    const data = await callOk(hepingAdmin, CONTENT, { id: attachmentId });
    expect(Buffer.from(data.districtAttachmentContent as string, 'base64').equals(EVIDENCE)).toBe(true);
  });

  it('an analyst of the same district gets null and FORBIDDEN, and the record\'s metadata still answers', async () => {
    const response = await call(hepingAnalyst, CONTENT, { id: attachmentId });
    expect(response.data).toEqual({ districtAttachmentContent: null });
    expect(refusals(response)).toEqual([['districtAttachmentContent', 'FORBIDDEN', 'RESTRICTED']]);
    expect(response.errors![0].message).toContain('RESTRICTED');
  });
});

describe('the supergraph shows the classification', () => {
  const sdl = readFileSync(join(__dirname, '..', '..', 'schema', 'supergraph.graphql'), 'utf8');

  it('composes @sensitive through @composeDirective, on the interface and every implementation', () => {
    expect(sdl).toContain('@link(url: "https://supervision.tj.gov.cn/classification/v1.0", import: ["@sensitive"])');
    expect(sdl).toMatch(/directive @sensitive\(/);
    const classified = classifiedFields(buildSchema(sdl, { assumeValidSDL: true })).map((entry) => `${entry.type}.${entry.field}:${entry.level}`);
    expect(classified).toEqual(expect.arrayContaining([
      'AccountabilityCase.facts:CONFIDENTIAL', 'CityAccountabilityCase.facts:CONFIDENTIAL', 'DistrictAccountabilityCase.facts:CONFIDENTIAL',
      'AssessmentInterview.content:CONFIDENTIAL', 'CityAssessmentInterview.content:CONFIDENTIAL', 'DistrictAssessmentInterview.content:CONFIDENTIAL',
      'DutyReportQuestion.question:RESTRICTED', 'DutyReportQuestion.answer:RESTRICTED', 'DistrictDutyReportQuestion.question:RESTRICTED',
      'Query.cityAttachmentContent:RESTRICTED', 'Query.districtAttachmentContent:RESTRICTED', 'Query.streetAttachmentContent:RESTRICTED',
    ]));
  });
});
