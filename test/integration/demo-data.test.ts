import {
  CadreEntity,
  DirectiveEntity,
  DirectiveResponseEntity,
  DutyRecordEntity,
  TaskEntity,
  UnitEntity,
} from '@supervision/kit';
import { ephemeralSecrets } from '@supervision/kit';
import { startTestPlatform, uniqueDatabaseUrls, type TestPlatform } from '../support/platform';

let platform: TestPlatform;
beforeAll(async () => {
  platform = await startTestPlatform({ seedDemo: true });
});
afterAll(() => platform?.stop());

const levels = ['city', 'district', 'street'] as const;
const em = (level: (typeof levels)[number]) => platform.subgraphs[level].orm.em.fork();

describe('demo data', () => {
  it.each(levels)('gives every %s a leadership team and tasks in every status, some overdue', async (level) => {
    const units = await em(level).find(UnitEntity, {});
    const jurisdictions = new Set(units.map((unit) => unit.jurisdictionCode));
    expect(jurisdictions.size).toBe({ city: 1, district: 16, street: 299 }[level]);
    const principals = await em(level).count(CadreEntity, { principal: true });
    expect(principals).toBe(units.length);
    const statuses = await em(level)
      .getConnection()
      .execute<{ status: string; overdue: string }[]>(
        `select status, count(*) filter (where due_date < current_date and status in ('PLANNED', 'IN_PROGRESS')) as overdue
         from task group by status order by status`,
      );
    expect(statuses.map((row) => row.status)).toEqual(['CANCELLED', 'COMPLETED', 'IN_PROGRESS', 'PLANNED']);
    expect(statuses.reduce((sum, row) => sum + Number(row.overdue), 0)).toBeGreaterThan(0);
    expect(await em(level).count(DutyRecordEntity, { version: 2 })).toBeGreaterThan(0);
  });

  it('tells one story across levels: every response answers a directive addressed to its responder', async () => {
    const cityDirectives = await em('city').find(DirectiveEntity, {});
    const districtDirectives = await em('district').find(DirectiveEntity, {});
    expect(cityDirectives).toHaveLength(3);
    expect(districtDirectives.every((directive) => cityDirectives.some((parent) => parent.id === directive.parentDirectiveId))).toBe(true);
    for (const [responses, directives] of [
      [await em('district').find(DirectiveResponseEntity, {}), cityDirectives],
      [await em('street').find(DirectiveResponseEntity, {}), districtDirectives],
    ] as const) {
      expect(responses.length).toBeGreaterThan(0);
      for (const response of responses) {
        const directive = directives.find((candidate) => candidate.id === response.directiveId);
        expect(directive?.targetCodes).toContain(response.responderCode);
      }
    }
    const statuses = new Set((await em('district').find(DirectiveResponseEntity, {})).map((response) => response.status));
    expect(statuses).toEqual(new Set(['ACKNOWLEDGED', 'IN_PROGRESS', 'COMPLETED']));
  });

  it('is the same on every machine and is not added twice', async () => {
    const other = await startTestPlatform({ seedDemo: true, secrets: await ephemeralSecrets(), databaseUrls: uniqueDatabaseUrls() });
    try {
      const ids = async (p: TestPlatform) =>
        (await p.subgraphs.district.orm.em.fork().find(TaskEntity, {}, { orderBy: { id: 'asc' }, fields: ['id', 'title', 'status'] })).map(
          (task) => `${task.id} ${task.title} ${task.status}`,
        );
      expect(await ids(other)).toEqual(await ids(platform));
    } finally {
      await other.stop();
    }
    const again = await startTestPlatform({ seedDemo: true, secrets: platform.secrets, databaseUrls: platform.databaseUrls });
    try {
      expect(await again.subgraphs.street.orm.em.fork().count(UnitEntity)).toBe(598);
    } finally {
      await again.stop();
    }
  });
});
