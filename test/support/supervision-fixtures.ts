import { today } from '@supervision/kit';
import { graphql, type TestPlatform } from './platform';

/**
 * The city's findings against one new unit of 和平区 (120101), through the real API: an office
 * with that unit as its only contact, one check of it with
 * `count` findings. Returns the unit and the finding ids.
 */
export async function cityFindingsOnDistrictUnit(
  gatewayUrl: string,
  tokens: { cityCommission: string; districtAdmin: string },
  count: number,
  year = 2025,
): Promise<{ unitId: string; findingIds: string[] }> {
  const call = async <T>(token: string, query: string, variables: Record<string, unknown>): Promise<T> => {
    const response = await graphql<T>(gatewayUrl, query, { token, variables });
    if (response.errors) throw new Error(JSON.stringify(response.errors));
    return response.data!;
  };
  const unit = await call<{ createDistrictUnit: { id: string } }>(tokens.districtAdmin, `mutation($input: CreateUnitInput!) { createDistrictUnit(input: $input) { id } }`, {
    input: { jurisdictionCode: '120101', name: `整改单位${year}`, kind: 'DEPARTMENT' },
  });
  const unitId = unit.createDistrictUnit.id;
  const office = await call<{ createCitySupervisionOffice: { id: string } }>(
    tokens.cityCommission,
    `mutation($input: CreateSupervisionOfficeInput!) { createCitySupervisionOffice(input: $input) { id } }`,
    { input: { jurisdictionCode: '120000', name: `监督检查室${year}` } },
  );
  const officeId = office.createCitySupervisionOffice.id;
  await call(tokens.cityCommission, `mutation($input: AddSupervisionContactInput!) { addCitySupervisionContact(input: $input) { id } }`, {
    input: { officeId, unitId, unitJurisdictionCode: '120101' },
  });
  // An unplanned (online) check of today: a quarter's draw happens only before the quarter starts,
  // and no check may be dated in the future.
  const check = await call<{ createCitySupervisionCheck: { findings: { id: string }[] } }>(
    tokens.cityCommission,
    `mutation($input: CreateSupervisionCheckInput!) { createCitySupervisionCheck(input: $input) { findings { id } } }`,
    {
      input: {
        officeId,
        unitId,
        unitJurisdictionCode: '120101',
        mode: 'ONLINE',
        checkedOn: today(),
        summary: '现场检查',
        findings: Array.from({ length: count }, (_, index) => ({ description: `问题${index + 1}`, deadline: '2099-06-30' })),
      },
    },
  );
  return { unitId, findingIds: check.createCitySupervisionCheck.findings.map((finding) => finding.id) };
}

/** Each finding's status and last report at the city, and the reports the district holds for them. */
export async function rectificationSides(platform: TestPlatform, findingIds: readonly string[]) {
  const city = platform.subgraphs.city.orm.em.getConnection();
  const district = platform.subgraphs.district.orm.em.getConnection();
  const findings = (await city.execute(`select id, status, last_report_id from supervision_finding where id::text = any(string_to_array(?, ','))`, [findingIds.join(',')])) as {
    id: string;
    status: string;
    last_report_id: string | null;
  }[];
  const reports = (await district.execute(`select id, finding_id from rectification_report where finding_id::text = any(string_to_array(?, ','))`, [findingIds.join(',')])) as {
    id: string;
    finding_id: string;
  }[];
  const events = (await city.execute(`select finding_id, event, report_id from supervision_finding_event where finding_id::text = any(string_to_array(?, ',')) order by at, id`, [findingIds.join(',')])) as {
    finding_id: string;
    event: string;
    report_id: string | null;
  }[];
  return { findings, reports, events };
}

/**
 * The two sides agree when every REPORTED finding's last report exists at the district, and
 * every report the district holds was recorded on its finding (some REPORTED step names it).
 */
export function disagreements(sides: Awaited<ReturnType<typeof rectificationSides>>): string[] {
  const reportIds = new Set(sides.reports.map((report) => report.id));
  const recorded = new Set(sides.events.filter((event) => event.event === 'REPORTED').map((event) => event.report_id));
  const withdrawn = new Set(sides.events.filter((event) => event.event === 'WITHDRAWN').map((event) => event.report_id));
  return [
    ...sides.findings
      .filter((finding) => finding.status === 'REPORTED' && (!finding.last_report_id || !reportIds.has(finding.last_report_id)))
      .map((finding) => `finding ${finding.id} is REPORTED with report ${finding.last_report_id}, which the district does not hold`),
    ...sides.reports
      .filter((report) => !recorded.has(report.id) || withdrawn.has(report.id))
      .map((report) => `report ${report.id} is held by the district but not recorded on finding ${report.finding_id}`),
  ];
}
