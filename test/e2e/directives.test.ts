import { createHash } from 'node:crypto';
import { AttachmentEntity, AuditEntryEntity, DirectiveEntity, DirectiveResponseEntity, sqlStatementCount, verifyAuditChain } from '@supervision/kit';
import { graphql, startTestPlatform, type TestPlatform } from '../support/platform';
import { type AnyData, gatewayCaller } from '../support/gateway-client';

/**
 * 任务下达 / 逐级汇总: the city directs two districts, one district passes it on to two streets,
 * answers flow back up, and the city reads the whole tree in one query — every value below
 * worked out by hand from the steps taken.
 */
let platform: TestPlatform;
const tokens: Record<string, string> = {};

const HEPING = '120101'; // 和平区, addressed; passes the directive on
const HEDONG = '120102'; // 河东区, addressed; never answers
const HEXI = '120103'; // 河西区, not addressed
const QUANYECHANG = '120101001'; // 劝业场街道 (和平区)
const XIAOBAILOU = '120101002'; // 小白楼街道 (和平区)
const WUDADAO = '120101003'; // 五大道街道 (和平区), not addressed by the cascade
const DAWANGZHUANG = '120102001'; // 大王庄街道 (河东区)

const DEADLINE = '2099-12-31';
const CASCADE_DEADLINE = '2099-06-30';
const EVIDENCE = Buffer.from('劝业场街道作风建设专项检查整改报告');

beforeAll(async () => {
  platform = await startTestPlatform();
  const sign = (level: 'city' | 'district' | 'street', code: string, roles: ('commission' | 'admin')[]) =>
    platform.token({ level, code, roles });
  tokens.commission = await sign('city', '120000', ['commission']);
  tokens.heping = await sign('district', HEPING, ['admin']);
  tokens.hedong = await sign('district', HEDONG, ['admin']);
  tokens.hexi = await sign('district', HEXI, ['admin']);
  tokens.quanyechang = await sign('street', QUANYECHANG, ['admin']);
  tokens.xiaobailou = await sign('street', XIAOBAILOU, ['admin']);
  tokens.wudadao = await sign('street', WUDADAO, ['admin']);
  tokens.dawangzhuang = await sign('street', DAWANGZHUANG, ['admin']);
});
afterAll(() => platform?.stop());

/** `ok` succeeds or fails the test with the errors it got. */
const { call, callOk: ok } = gatewayCaller(() => platform);

const ISSUE_CITY = `mutation($input: IssueDirectiveInput!) {
  issueCityDirective(input: $input) { id issuerCode title deadline targetCodes parentDirectiveId }
}`;
const ISSUE_DISTRICT = `mutation($input: IssueDirectiveInput!) { issueDistrictDirective(input: $input) { id targetCodes } }`;
const ACK_CITY = `mutation($id: ID!) { acknowledgeCityDirective(directiveId: $id) { id status progress responderCode } }`;
const REPORT_CITY = `mutation($id: ID!, $input: ReportDirectiveProgressInput!) {
  reportCityDirectiveProgress(directiveId: $id, input: $input) { status progress report }
}`;
const CASCADE = `mutation($id: ID!, $input: CascadeDirectiveInput!) {
  cascadeCityDirective(directiveId: $id, input: $input) { id issuerCode title requirements deadline targetCodes parentDirectiveId }
}`;
const ACK_DISTRICT = `mutation($id: ID!) { acknowledgeDistrictDirective(directiveId: $id) { id status } }`;
const REPORT_DISTRICT = `mutation($id: ID!, $input: ReportDirectiveProgressInput!) {
  reportDistrictDirectiveProgress(directiveId: $id, input: $input) { status progress attachments { name } }
}`;
const COMPLETE_DISTRICT = `mutation($id: ID!, $input: CompleteDirectiveInput!) {
  completeDistrictDirective(directiveId: $id, input: $input) { status progress completedAt attachments { name size sha256 } }
}`;

/** The city's drill-down: the directive, its summary, every district answer, each cascade and its street answers. */
const DRILL_DOWN = `query($id: ID!) {
  cityDirective(id: $id) {
    title deadline targetCodes
    progress { targets pending acknowledged inProgress completed averageProgress }
    responses {
      district { code name }
      status progress report
      attachments { name }
      cascade {
        issuerCode deadline targetCodes
        progress { targets pending acknowledged inProgress completed averageProgress }
        responses { street { code name } status progress report attachments { name contentType size sha256 } }
      }
    }
    cascades { issuerCode targetCodes }
  }
}`;

const counts = {
  district: () => platform.subgraphs.district.orm.em.fork(),
  street: () => platform.subgraphs.street.orm.em.fork(),
  city: () => platform.subgraphs.city.orm.em.fork(),
};

let cityDirectiveId: string;
let cascadeId: string;

describe('directives down, answers up', () => {
  it('the city commission issues a directive to two districts', async () => {
    const data = await ok(tokens.commission, ISSUE_CITY, {
      input: {
        title: '开展作风建设专项检查',
        requirements: '对照清单逐项自查，形成整改台账。',
        deadline: DEADLINE,
        targetCodes: [HEDONG, HEPING],
      },
    });
    cityDirectiveId = data.issueCityDirective.id;
    expect(data.issueCityDirective).toEqual({
      id: cityDirectiveId,
      issuerCode: '120000',
      title: '开展作风建设专项检查',
      deadline: DEADLINE,
      targetCodes: [HEPING, HEDONG], // ordered by code
      parentDirectiveId: null,
    });
  });

  it('district A acknowledges and passes it on to two of its streets', async () => {
    const ack = await ok(tokens.heping, ACK_CITY, { id: cityDirectiveId });
    expect(ack.acknowledgeCityDirective).toMatchObject({ status: 'ACKNOWLEDGED', progress: 0, responderCode: HEPING });

    const cascade = await ok(tokens.heping, CASCADE, {
      id: cityDirectiveId,
      input: { targetStreetCodes: [XIAOBAILOU, QUANYECHANG], deadline: CASCADE_DEADLINE },
    });
    cascadeId = cascade.cascadeCityDirective.id;
    expect(cascade.cascadeCityDirective).toEqual({
      id: cascadeId,
      issuerCode: HEPING,
      title: '开展作风建设专项检查',
      requirements: '对照清单逐项自查，形成整改台账。', // the city's, as none were given
      deadline: CASCADE_DEADLINE,
      targetCodes: [QUANYECHANG, XIAOBAILOU],
      parentDirectiveId: cityDirectiveId,
    });
  });

  it('both streets answer: one completes with evidence, one reports 40%; district A reports 55%', async () => {
    const completed = await ok(tokens.quanyechang, COMPLETE_DISTRICT, {
      id: cascadeId,
      input: {
        report: '已完成自查，整改到位。',
        attachments: [{ name: '整改报告.txt', contentType: 'text/plain', contentBase64: EVIDENCE.toString('base64') }],
      },
    });
    expect(completed.completeDistrictDirective).toMatchObject({
      status: 'COMPLETED',
      progress: 100,
      attachments: [{ name: '整改报告.txt', size: EVIDENCE.length, sha256: createHash('sha256').update(EVIDENCE).digest('hex') }],
    });
    expect(completed.completeDistrictDirective.completedAt).toEqual(expect.any(String));

    const reported = await ok(tokens.xiaobailou, REPORT_DISTRICT, { id: cascadeId, input: { progress: 40, report: '自查过半。' } });
    expect(reported.reportDistrictDirectiveProgress).toEqual({ status: 'IN_PROGRESS', progress: 40, attachments: [] });

    const district = await ok(tokens.heping, REPORT_CITY, { id: cityDirectiveId, input: { progress: 55, report: '街道自查推进中。' } });
    expect(district.reportCityDirectiveProgress).toEqual({ status: 'IN_PROGRESS', progress: 55, report: '街道自查推进中。' });
  });

  it('the city reads the whole tree in one query', async () => {
    const data = await ok(tokens.commission, DRILL_DOWN, { id: cityDirectiveId });
    const sha256 = createHash('sha256').update(EVIDENCE).digest('hex');
    expect(data.cityDirective).toEqual({
      title: '开展作风建设专项检查',
      deadline: DEADLINE,
      targetCodes: [HEPING, HEDONG],
      // 和平区 55 (in progress), 河东区 no answer (0): (55 + 0) / 2
      progress: { targets: 2, pending: 1, acknowledged: 1, inProgress: 1, completed: 0, averageProgress: 27.5 },
      responses: [
        {
          district: { code: HEPING, name: '和平区' },
          status: 'IN_PROGRESS',
          progress: 55,
          report: '街道自查推进中。',
          attachments: [],
          cascade: {
            issuerCode: HEPING,
            deadline: CASCADE_DEADLINE,
            targetCodes: [QUANYECHANG, XIAOBAILOU],
            // 劝业场 100 (completed), 小白楼 40 (in progress): (100 + 40) / 2
            progress: { targets: 2, pending: 0, acknowledged: 2, inProgress: 1, completed: 1, averageProgress: 70 },
            responses: [
              {
                street: { code: QUANYECHANG, name: '劝业场街道' },
                status: 'COMPLETED',
                progress: 100,
                report: '已完成自查，整改到位。',
                attachments: [{ name: '整改报告.txt', contentType: 'text/plain', size: EVIDENCE.length, sha256 }],
              },
              {
                street: { code: XIAOBAILOU, name: '小白楼街道' },
                status: 'IN_PROGRESS',
                progress: 40,
                report: '自查过半。',
                attachments: [],
              },
            ],
          },
        },
      ],
      cascades: [{ issuerCode: HEPING, targetCodes: [QUANYECHANG, XIAOBAILOU] }],
    });
  });

  it('lists by name the addressees that have not answered or completed, and flags the directive overdue once its deadline passed', async () => {
    const OUTSTANDING = `query($id: ID!) { cityDirective(id: $id) { overdue outstanding { code name state progress } } }`;
    const before = await ok(tokens.commission, OUTSTANDING, { id: cityDirectiveId });
    expect(before.cityDirective).toEqual({
      overdue: false,
      outstanding: [
        { code: HEPING, name: '和平区', state: 'IN_PROGRESS', progress: 55 },
        { code: HEDONG, name: '河东区', state: 'NOT_ANSWERED', progress: 0 },
      ],
    });
    // The deadline passes (the row is moved back, as time would): still outstanding, so overdue.
    const em = counts.city();
    const directive = await em.findOneOrFail(DirectiveEntity, { id: cityDirectiveId });
    const deadline = directive.deadline;
    directive.deadline = '2000-01-31';
    await em.flush();
    expect((await ok(tokens.commission, OUTSTANDING, { id: cityDirectiveId })).cityDirective.overdue).toBe(true);
    directive.deadline = deadline;
    await em.flush();
    // Like the summary, it is for the issuer and those above it, not for an addressee.
    const asDistrict = await call(tokens.heping, OUTSTANDING, { id: cityDirectiveId });
    expect(asDistrict.errors?.[0].extensions?.code).toBe('FORBIDDEN');
  });

  it('addressees see what is addressed to them, issuers what they issued', async () => {
    const district = await ok(
      tokens.heping,
      `{ district(code: "${HEPING}") { receivedDirectives { id title } issuedDirectives { id parentDirective { id title } } } }`,
    );
    expect(district.district).toEqual({
      receivedDirectives: [{ id: cityDirectiveId, title: '开展作风建设专项检查' }],
      issuedDirectives: [{ id: cascadeId, parentDirective: { id: cityDirectiveId, title: '开展作风建设专项检查' } }],
    });
    const street = await ok(tokens.quanyechang, `{ street(code: "${QUANYECHANG}") { receivedDirectives { id deadline } } }`);
    expect(street.street.receivedDirectives).toEqual([{ id: cascadeId, deadline: CASCADE_DEADLINE }]);
    const city = await ok(tokens.commission, `{ city { issuedDirectives { id } } }`);
    expect(city.city.issuedDirectives).toEqual([{ id: cityDirectiveId }]);

    // An addressed district reads the directive, but among the answers only its own.
    const asHeping = await ok(tokens.heping, `query($id: ID!) { cityDirective(id: $id) { responses { responderCode } } }`, { id: cityDirectiveId });
    expect(asHeping.cityDirective.responses).toEqual([{ responderCode: HEPING }]);
  });

  it('keeps other jurisdictions out of what is not addressed to them', async () => {
    const other = await call(tokens.hexi, `query($id: ID!) { cityDirective(id: $id) { title } }`, { id: cityDirectiveId });
    // Outside the caller's read rule the database shows no such row (row-level security): not found, never 'exists but forbidden'.
    expect(other.errors).toBeUndefined();
    expect(other.data).toEqual({ cityDirective: null });
    const received = await call(tokens.hexi, `{ district(code: "${HEPING}") { receivedDirectives { id } } }`);
    expect(received.errors?.[0].extensions?.code).toBe('FORBIDDEN');
    const anonymous = await graphql(platform.gateway.url, `query($id: ID!) { cityDirective(id: $id) { title } }`, { variables: { id: cityDirectiveId } });
    expect(anonymous.errors?.[0].extensions?.code).toBe('UNAUTHENTICATED');
    // The summary over all addressees is the issuer's view, not an addressee's.
    const summary = await call(tokens.heping, `query($id: ID!) { cityDirective(id: $id) { progress { targets } } }`, { id: cityDirectiveId });
    expect(summary.errors?.[0].extensions?.code).toBe('FORBIDDEN');
  });
});

describe('refusals', () => {
  /** Runs `attempt` and checks that no subgraph wrote a record or an audit entry. */
  async function writesNothing(attempt: () => Promise<void>): Promise<void> {
    const tally = async () =>
      Promise.all([
        counts.city().count(DirectiveEntity),
        counts.city().count(AuditEntryEntity),
        counts.district().count(DirectiveEntity),
        counts.district().count(DirectiveResponseEntity),
        counts.district().count(AuditEntryEntity),
        counts.street().count(DirectiveResponseEntity),
        counts.street().count(AttachmentEntity),
        counts.street().count(AuditEntryEntity),
      ]);
    const before = await tally();
    await attempt();
    expect(await tally()).toEqual(before);
  }

  it('a district not addressed cannot answer', async () => {
    await writesNothing(async () => {
      for (const [query, variables] of [
        [ACK_CITY, { id: cityDirectiveId }],
        [REPORT_CITY, { id: cityDirectiveId, input: { progress: 10, report: '越权' } }],
        [CASCADE, { id: cityDirectiveId, input: { targetStreetCodes: ['120103001'] } }],
      ] as const) {
        const response = await call(tokens.hexi, query, variables);
        // Outside the caller's read rule the database shows no such row (row-level security): not found, never 'exists but forbidden'.
        expect(response.errors?.[0].extensions?.code).toBe('NOT_FOUND');
      }
    });
  });

  it('a street of another district, or one not addressed, cannot answer the cascade', async () => {
    await writesNothing(async () => {
      for (const token of [tokens.dawangzhuang, tokens.wudadao]) {
        const response = await call(token, ACK_DISTRICT, { id: cascadeId });
        // Outside the caller's read rule the database shows no such row (row-level security): not found, never 'exists but forbidden'.
        expect(response.errors?.[0].extensions?.code).toBe('NOT_FOUND');
      }
      // Nor may a district answer in a street's place.
      const asDistrict = await call(tokens.heping, ACK_DISTRICT, { id: cascadeId });
      expect(asDistrict.errors?.[0].extensions?.code).toBe('FORBIDDEN');
    });
  });

  it('a district admin cannot issue a city directive', async () => {
    await writesNothing(async () => {
      const response = await call(tokens.heping, ISSUE_CITY, {
        input: { title: '越级下达', requirements: '无', deadline: DEADLINE, allTargets: true },
      });
      expect(response.errors?.[0].extensions?.code).toBe('FORBIDDEN');
    });
  });

  it('names the field of a bad directive', async () => {
    const base = { title: '专项检查', requirements: '自查', deadline: DEADLINE };
    const cases: [Record<string, unknown>, string][] = [
      [{ ...base, deadline: '2020-01-01', targetCodes: [HEPING] }, 'input.deadline'],
      [{ ...base, deadline: '2099-02-30', targetCodes: [HEPING] }, 'input.deadline'],
      [{ ...base, targetCodes: [] }, 'input.targetCodes'],
      [{ ...base }, 'input.targetCodes'],
      [{ ...base, targetCodes: [HEPING, '120199'] }, 'input.targetCodes.1'], // well-formed, no such district
      [{ ...base, targetCodes: [QUANYECHANG] }, 'input.targetCodes.0'], // a street, not a district
      [{ ...base, targetCodes: [HEPING, HEPING] }, 'input.targetCodes.1'],
      [{ ...base, targetCodes: [HEPING], allTargets: true }, 'input.allTargets'],
      [{ ...base, title: '  ', targetCodes: [HEPING] }, 'input.title'],
    ];
    await writesNothing(async () => {
      for (const [input, field] of cases) {
        const response = await call(tokens.commission, ISSUE_CITY, { input });
        expect({ input, error: response.errors?.[0].extensions }).toEqual({ input, error: expect.objectContaining({ code: 'BAD_USER_INPUT', field }) });
      }
      // A district's own directive: only its own streets.
      const foreign = await call(tokens.heping, ISSUE_DISTRICT, { input: { ...base, targetCodes: [DAWANGZHUANG] } });
      expect(foreign.errors?.[0].extensions).toMatchObject({ code: 'BAD_USER_INPUT', field: 'input.targetCodes.0' });
      // A cascade may not outlast the directive it passes on, and happens once.
      const late = await call(tokens.heping, CASCADE, { id: cityDirectiveId, input: { allTargets: true, deadline: '2100-01-01' } });
      expect(late.errors?.[0].extensions).toMatchObject({ code: 'BAD_USER_INPUT', field: 'input.deadline' });
      const twice = await call(tokens.heping, CASCADE, { id: cityDirectiveId, input: { allTargets: true } });
      expect(twice.errors?.[0].extensions).toMatchObject({ code: 'BAD_USER_INPUT', field: 'directiveId' });
    });
  });

  it('refuses progress outside 0–100, a second completion and a second acknowledgement', async () => {
    await writesNothing(async () => {
      for (const progress of [101, -1]) {
        const response = await call(tokens.xiaobailou, REPORT_DISTRICT, { id: cascadeId, input: { progress, report: '越界' } });
        expect(response.errors?.[0].extensions).toMatchObject({ code: 'BAD_USER_INPUT', field: 'input.progress' });
      }
      const again = await call(tokens.quanyechang, COMPLETE_DISTRICT, { id: cascadeId, input: { report: '再次办结' } });
      expect(again.errors?.[0].extensions).toMatchObject({ code: 'BAD_USER_INPUT', field: 'directiveId' });
      const afterDone = await call(tokens.quanyechang, REPORT_DISTRICT, { id: cascadeId, input: { progress: 50, report: '回退' } });
      expect(afterDone.errors?.[0].extensions).toMatchObject({ code: 'BAD_USER_INPUT', field: 'directiveId' });
      const reAck = await call(tokens.heping, ACK_CITY, { id: cityDirectiveId });
      expect(reAck.errors?.[0].extensions).toMatchObject({ code: 'BAD_USER_INPUT', field: 'directiveId' });
      const unknown = await call(tokens.heping, ACK_CITY, { id: '0190a6c2-0000-7000-8000-000000000000' });
      expect(unknown.errors?.[0].extensions?.code).toBe('NOT_FOUND');
      const malformed = await call(tokens.heping, ACK_CITY, { id: 'nope' });
      expect(malformed.errors?.[0].extensions).toMatchObject({ code: 'BAD_USER_INPUT', field: 'directiveId' });
    });
  });

  it('audited every answer in the level that owns it', async () => {
    const street = await counts.street().find(AuditEntryEntity, {}, { orderBy: { seq: 'asc' } });
    expect(street.map((entry) => `${entry.actorCode} ${entry.action}`)).toEqual([`${QUANYECHANG} complete`, `${XIAOBAILOU} report-progress`]);
    expect(street[0].after).toMatchObject({ status: 'COMPLETED', attachments: [{ name: '整改报告.txt', size: EVIDENCE.length }] });
    const district = await counts.district().find(AuditEntryEntity, {}, { orderBy: { seq: 'asc' } });
    expect(district.map((entry) => `${entry.action} ${entry.entityType}`)).toEqual([
      'acknowledge DirectiveResponse',
      'cascade Directive',
      'report-progress DirectiveResponse',
    ]);
    expect(district[2].before).toMatchObject({ status: 'ACKNOWLEDGED', progress: 0 });
    expect(district[2].after).toMatchObject({ status: 'IN_PROGRESS', progress: 55 });
    for (const em of [counts.city(), counts.district(), counts.street()]) {
      expect(await verifyAuditChain(em)).toMatchObject({ valid: true });
    }
  });
});

describe('batching', () => {
  /** SQL statements each subgraph sends while `run` executes. */
  async function countStatements(run: () => Promise<unknown>): Promise<Record<string, number>> {
    const names = ['city', 'district', 'street'] as const;
    const before = await Promise.all(names.map((name) => sqlStatementCount(platform.subgraphs[name].metrics)));
    await run();
    const after = await Promise.all(names.map((name) => sqlStatementCount(platform.subgraphs[name].metrics)));
    return Object.fromEntries(names.map((name, index) => [name, after[index] - before[index]]));
  }

  it('reads the drill-down in the same number of statements for 2 or 16 districts and their streets', async () => {
    // A bigger tree: all 16 districts addressed, three answer, two pass it on to three streets
    // each, and all six streets answer, two of them with evidence.
    const issued = await ok(tokens.commission, ISSUE_CITY, {
      input: { title: '全市统一部署', requirements: '按要求落实。', deadline: DEADLINE, allTargets: true },
    });
    const bigId = issued.issueCityDirective.id;
    expect(issued.issueCityDirective.targetCodes).toHaveLength(16);
    const streetsOf: Record<string, string[]> = {
      [HEPING]: [QUANYECHANG, XIAOBAILOU, WUDADAO],
      [HEDONG]: [DAWANGZHUANG, '120102002', '120102003'],
    };
    for (const code of [HEPING, HEDONG, '120104']) {
      const token = await platform.token({ level: 'district', code, roles: ['admin'] });
      await ok(token, ACK_CITY, { id: bigId });
      if (!streetsOf[code]) continue;
      const cascade = await ok(token, CASCADE, { id: bigId, input: { targetStreetCodes: streetsOf[code] } });
      for (const [index, street] of streetsOf[code].entries()) {
        const streetToken = await platform.token({ level: 'street', code: street, roles: ['admin'] });
        const attachments = index === 0 ? [{ name: `${street}.txt`, contentType: 'text/plain', contentBase64: 'MTIz' }] : [];
        await ok(streetToken, REPORT_DISTRICT, { id: cascade.cascadeCityDirective.id, input: { progress: 10 * (index + 1), report: '推进中', attachments } });
      }
    }

    let small: AnyData = {};
    let big: AnyData = {};
    const smallCounts = await countStatements(async () => (small = await ok(tokens.commission, DRILL_DOWN, { id: cityDirectiveId })));
    const bigCounts = await countStatements(async () => (big = await ok(tokens.commission, DRILL_DOWN, { id: bigId })));
    expect(small.cityDirective.responses.flatMap((r: AnyData) => r.cascade?.responses ?? [])).toHaveLength(2);
    expect(big.cityDirective.responses).toHaveLength(3);
    expect(big.cityDirective.responses.flatMap((r: AnyData) => r.cascade?.responses ?? [])).toHaveLength(6);
    // 3 answers of 16 (10+20+30 in 和平区's and 河东区's streets are theirs, not the districts'): all districts at 0
    expect(big.cityDirective.progress).toEqual({ targets: 16, pending: 13, acknowledged: 3, inProgress: 0, completed: 0, averageProgress: 0 });
    expect(big.cityDirective.responses[0].cascade.progress).toEqual({
      targets: 3, pending: 0, acknowledged: 3, inProgress: 3, completed: 0, averageProgress: 20,
    });
    // city: the directive. district: its answers, their summary, the cascades (also each
    // answer's cascade, same batch), the districts' names and their evidence. street: the
    // cascades' answers, their summaries, the streets' names and the evidence.
    expect(bigCounts).toEqual(smallCounts);
    expect(smallCounts).toEqual({ city: 1, district: 5, street: 4 });
  });
});
