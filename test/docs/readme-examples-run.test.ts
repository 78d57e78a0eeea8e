import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { parse, print, type DocumentNode, type OperationDefinitionNode } from 'graphql';
import { addDays, quarterOpenForDraw, quarterOfDate, today } from '@supervision/kit';
import { graphql, startTestPlatform, type TestPlatform } from '../support/platform';

/**
 * The README's examples run as written on a fresh demo, through the gateway: each operation must
 * answer without errors and with data in it, not only validate (readme-examples.test.ts). An
 * example with "…" stands for ids of records made by the examples before it or found in the
 * demo; `PLACEHOLDERS` says where each comes from, in the order the "…" appear. Dates that move
 * with the calendar are variables the README documents (`$today`, `$deadline`, `$year`,
 * `$quarter`): `DOCUMENTED_VARIABLES` gives each the value the README says it stands for.
 */
const root = join(__dirname, '..', '..');
const readme = readFileSync(join(root, 'README.md'), 'utf8');
const blocks = [...readme.matchAll(/```graphql\n([\s\S]*?)```/g)].map((match) => match[1].replace(/#[^\n"]*$/gm, ''));
const operations = blocks.flatMap((block, index) =>
  parse(block).definitions.map((definition, position) => {
    const operation = definition as OperationDefinitionNode;
    const text = print({ kind: 'Document', definitions: [operation] } as DocumentNode);
    const firstField = operation.selectionSet.selections[0];
    const variables = (operation.variableDefinitions ?? []).map((definition) => definition.variable.name.value);
    return { name: `block ${index + 1}, operation ${position + 1}`, kind: operation.operation, text, variables, field: firstField.kind === 'Field' ? firstField.name.value : '' };
  }),
);

let platform: TestPlatform;
let commission: string;
let binhaiAdmin: string;
let ningheCommission: string;
/** Results of the examples so far, by their first field. */
const results = new Map<string, Record<string, unknown>>();

async function firstId(level: 'city' | 'district' | 'street', sql: string): Promise<string> {
  const rows: { id: string }[] = await platform.subgraphs[level].orm.em.fork().getConnection().execute(sql);
  if (!rows[0]) throw new Error(`the demo has no row for: ${sql}`);
  return rows[0].id;
}

const idOf = (field: string) => String((results.get(field) as { id: string }).id);

/** The README's variables, as its supervision section defines them (today is Tianjin's). */
const on = today();
const DOCUMENTED_VARIABLES: Record<string, unknown> = { today: on, deadline: addDays(on, 30), ...quarterOpenForDraw(on) };

/** The demo's city office whose contact list predates every cutoff, and its plan of the current quarter. */
const DEMO_OFFICE = '市纪委监委第二监督检查室';
const demoOfficeId = () => firstId('city', `select id::text from supervision_office where name = '${DEMO_OFFICE}'`);
async function demoPlanOfThisQuarter(): Promise<{ id: string; unitId: string; unitJurisdictionCode: string }> {
  const { year, quarter } = quarterOfDate(on);
  const rows: { id: string; unit_id: string; unit_jurisdiction_code: string }[] = await platform.subgraphs.city.orm.em.fork().getConnection().execute(
    `select p.id::text, c.unit_id::text, c.unit_jurisdiction_code
       from supervision_plan p join supervision_office o on o.id = p.office_id
       join supervision_contact c on c.office_id = p.office_id and c.unit_id::text = p.unit_ids->>0
      where o.name = ? and p.year = ? and p.quarter = ?`,
    [DEMO_OFFICE, year, quarter],
  );
  if (!rows[0]) throw new Error(`the demo has no plan of Q${quarter} ${year} for ${DEMO_OFFICE}`);
  return { id: rows[0].id, unitId: rows[0].unit_id, unitJurisdictionCode: rows[0].unit_jurisdiction_code };
}
/** The README's check: its unit and its first finding. */
const checkedUnit = () => demoPlanOfThisQuarter();
const readmeFindingId = () => String((results.get('createCitySupervisionCheck') as { findings: { id: string }[] }).findings[0].id);
const planId = () => idOf('createDistrictAssessmentPlan');
const reporterId = () => firstId('district', `select id::text from duty_report_reporter where session_id = '${idOf('createDistrictDutyReportSession')}'`);

/** The token an example runs with and, for "…", the values in order; `$id` examples get `variables`. */
const PLACEHOLDERS: Record<string, () => Promise<{ token: string; values?: string[]; variables?: Record<string, unknown> }>> = {
  createDistrictUnit: async () => ({ token: binhaiAdmin }),
  addDistrictCadre: async () => ({ token: binhaiAdmin, values: [String((results.get('createDistrictUnit') as { id: string }).id)] }),
  // A street cadre's meeting on one of their tasks, with a file (its content in base64).
  recordStreetDuty: async () => {
    const taskId = await firstId('street', `select id::text from task where jurisdiction_code = '120117001' order by id limit 1`);
    return {
      token: await platform.token({ level: 'street', code: '120117001', roles: ['admin'] }),
      values: [await firstId('street', `select cadre_id::text as id from task where id = '${taskId}'`), taskId, Buffer.from('%PDF-1.4\n会议纪要').toString('base64')],
    };
  },
  createDistrictAssessmentPlan: async () => ({ token: ningheCommission }),
  enterDistrictAssessmentScores: async () => ({
    token: ningheCommission,
    values: [planId(), await firstId('street', `select id::text from unit where jurisdiction_code = '120117001' order by id limit 1`)],
  }),
  importDistrictAssessmentPlatformData: async () => ({ token: ningheCommission, values: [planId()] }),
  finalizeDistrictAssessmentPlan: async () => ({ token: ningheCommission, values: [planId()] }),
  publishDistrictAssessmentCommendation: async () => ({ token: ningheCommission, values: [planId()] }),
  recordDistrictAssessmentInterview: async () => ({ token: ningheCommission, values: [idOf('enterDistrictAssessmentScores'), '王强'] }),
  recordDistrictAssessmentFollowUp: async () => {
    const interviewId = await firstId('district', `select id::text from assessment_interview where sheet_id = '${idOf('enterDistrictAssessmentScores')}'`);
    return { token: ningheCommission, values: [interviewId, await firstId('district', `select id::text from assessment_commitment where interview_id = '${interviewId}'`)] };
  },
  createDistrictDutyReportSession: async () => {
    const unitId = await firstId('street', `select id::text from unit where jurisdiction_code = '120117001' order by id limit 1`);
    return { token: ningheCommission, values: [unitId, await firstId('street', `select id::text from cadre where unit_id = '${unitId}' order by principal desc, id limit 1`)] };
  },
  askDistrictDutyReportQuestion: async () => ({ token: ningheCommission, values: [await reporterId()] }),
  // The reporter answers for their own street.
  answerDistrictDutyReportQuestion: async () => ({
    token: await platform.token({ level: 'street', code: '120117001', roles: ['admin'] }),
    values: [await firstId('district', `select id::text from duty_report_question where reporter_id = '${await reporterId()}'`)],
  }),
  evaluateDistrictDutyReporter: async () => ({ token: ningheCommission, values: [await reporterId()] }),
  addCitySupervisionContact: async () => ({
    token: commission,
    values: [idOf('createCitySupervisionOffice'), await firstId('district', `select id::text from unit where jurisdiction_code = '120101' order by id limit 1`)],
  }),
  removeCitySupervisionContact: async () => ({
    token: commission,
    values: [idOf('createCitySupervisionOffice'), await firstId('district', `select id::text from unit where jurisdiction_code = '120101' order by id limit 1`)],
  }),
  previewCitySupervisionPlan: async () => ({ token: commission, values: [await demoOfficeId()] }),
  drawCitySupervisionPlan: async () => ({ token: commission, values: [await demoOfficeId()] }),
  createCitySupervisionCheck: async () => {
    const plan = await demoPlanOfThisQuarter();
    return { token: commission, values: [plan.id, plan.unitId, plan.unitJurisdictionCode] };
  },
  // The checked unit's district answers the finding.
  submitDistrictRectificationReport: async () => ({
    token: await platform.token({ level: 'district', code: (await checkedUnit()).unitJurisdictionCode, roles: ['admin'] }),
    values: [readmeFindingId()],
  }),
  acceptCitySupervisionFinding: async () => ({ token: commission, values: [readmeFindingId()] }),
  createCitySupervisionFollowUp: async () => {
    const unit = await checkedUnit();
    return { token: commission, values: [unit.unitId, unit.unitJurisdictionCode, readmeFindingId()] };
  },
  archiveDistrictDutyRecords: async () => ({ token: await platform.token({ level: 'district', code: '120101', roles: ['commission'] }) }),
  cityDirective: async () => ({ token: commission, variables: { id: await firstId('city', `select id::text from directive where issuer_code = '120000' order by id limit 1`) } }),
  // A city item the demo breaks down: 滨海新区's leading item names it, and that item's task answers a directive.
  cityResponsibilityItem: async () => ({
    token: commission,
    variables: {
      id: await firstId(
        'district',
        `select r.parent_item_id::text as id from responsibility_item r join task t on t.responsibility_item_id = r.id
         where r.jurisdiction_code = '120116' and r.parent_item_id is not null and t.directive_id is not null limit 1`,
      ),
    },
  }),
  cityAccountabilityCase: async () => ({
    token: commission,
    variables: { id: await firstId('city', `select id::text from accountability_case order by id limit 1`) },
  }),
};

/** Whether an answer holds something: a non-empty list or a value somewhere below the root. */
function hasData(value: unknown): boolean {
  if (Array.isArray(value)) return value.length > 0 && value.some(hasData);
  if (value && typeof value === 'object') return Object.values(value).some(hasData);
  return value !== null && value !== undefined;
}

beforeAll(async () => {
  platform = await startTestPlatform({ seedDemo: true });
  commission = await platform.token({ level: 'city', code: '120000', roles: ['commission', 'analyst'] });
  binhaiAdmin = await platform.token({ level: 'district', code: '120116', roles: ['admin'] });
  ningheCommission = await platform.token({ level: 'district', code: '120117', roles: ['commission', 'admin'] });
}, 120_000);
afterAll(() => platform?.stop());

const runnable = operations.filter((operation) => !operation.text.includes('…') || PLACEHOLDERS[operation.field]);

describe('README examples on a fresh demo', () => {
  it('runs every example: each "…" has a documented source and each variable a documented value', () => {
    expect(runnable).toEqual(operations);
    expect(operations.length).toBeGreaterThanOrEqual(38);
    expect(operations.flatMap((operation) => operation.variables).filter((name) => !(name in DOCUMENTED_VARIABLES) && name !== 'id')).toEqual([]);
  });

  // One after another, in the README's order: later examples use what earlier ones made.
  it.each(runnable)('$name ($field) answers with data and no errors', async ({ text, field, variables: declared }) => {
    const bound = PLACEHOLDERS[field] ? await PLACEHOLDERS[field]() : { token: commission };
    let query = text;
    for (const value of bound.values ?? []) query = query.replace('"…"', JSON.stringify(value));
    expect(query).not.toContain('…');
    const documented = Object.fromEntries(declared.filter((name) => name in DOCUMENTED_VARIABLES).map((name) => [name, DOCUMENTED_VARIABLES[name]]));
    const variables = { ...documented, ...bound.variables };
    const response = await graphql<Record<string, Record<string, unknown>>>(platform.gateway.url, query, { token: bound.token, variables });
    expect(response.errors).toBeUndefined();
    expect(hasData(response.data)).toBe(true);
    results.set(field, response.data![field]);
  });
});
