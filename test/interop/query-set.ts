/**
 * The cross-level queries every federation gateway must answer as ours does. Each names the
 * caller it runs as: the city commission (reads everything), a district leader (its own
 * jurisdiction and below), nobody, or a forger (a token signed with an unknown key).
 */
export type Caller = 'city' | 'district' | 'anonymous' | 'forged';

export interface InteropQuery {
  name: string;
  caller: Caller;
  query: string;
  /** Variables, when the query needs an id only known once the demo data is read. */
  variables?: (ids: DemoIds) => Record<string, unknown>;
  /**
   * A difference documented in docs/deployment.md: these Hive runtimes answer with these error
   * codes instead (`NONE`: an error without a code), with the same data as ours or not.
   */
  knownDifference?: { runtimes: ('stitching' | 'router')[]; errorCodes: string[]; sameData: boolean; reason: string };
}

export interface DemoIds {
  accountabilityCaseId: string;
}

/** The trace as the README shows it, two `status` fields of different types under aliases. */
export const TRACE_QUERY = `query ($id: ID!) {
  cityAccountabilityCase(id: $id) {
    id title status responsibilityKind
    decision { form decidingBody decidedOn }
    subjectUnit { __typename ... on DistrictUnit { name jurisdictionCode } }
    subjectCadre { __typename ... on DistrictCadre { name position } }
    auditTrail { action entityType ownerCode }
    basisTrace {
      position kind recordLevel recordTypeName recordId recordOwnerCode note
      record {
        __typename
        ... on DistrictTask { title taskStatus: status dutyRecords { id } auditTrail { action ownerCode } }
        ... on DistrictDutyRecord { summary version auditTrail { action ownerCode } }
        ... on CitySupervisionFinding { description findingStatus: status steps { event } districtRectificationReports { summary finding { __typename ... on CitySupervisionFinding { id } } } auditTrail { action } }
        ... on DistrictRectificationReport { summary auditTrail { action } }
      }
    }
  }
}`;

/**
 * The same trace without the two `status` fields, which Hive's stitching runtime cannot plan
 * (see `knownDifference` below): what every runtime answers alike.
 */
export const TRACE_QUERY_PORTABLE = TRACE_QUERY.replace('taskStatus: status ', '').replace('findingStatus: status ', 'deadline ');

export const INTEROP_QUERIES: InteropQuery[] = [
  {
    name: 'chain down: city → 16 districts → 299 streets',
    caller: 'city',
    query: '{ city { code name districts { code name streets { code name kind } } } }',
  },
  {
    name: 'chain up: street → district → city, from a street and from a list of streets',
    caller: 'city',
    query: `{ street(code: "120117001") { name district { name city { name } } }
              streets(districtCode: "120117") { code district { code name city { code } } } }`,
  },
  {
    name: 'lists under lists: every district’s task page with cadres and milestones',
    caller: 'city',
    query: `{ city { districts { code tasks(first: 3) { totalCount pageInfo { hasNextPage }
              edges { node { title status dueDate responsibleCadre { name } milestones { title } } } } } } }`,
  },
  {
    name: '@requires: directive progress at two levels, answers and cascades',
    caller: 'city',
    query: `{ city { issuedDirectives { title targetCodes
              progress { targets pending acknowledged inProgress completed averageProgress }
              responses { district { name } status progress
                cascade { title progress { targets pending averageProgress } responses { street { name } status progress } } } } } }`,
  },
  {
    name: '@requires: district ranking fed with the street totals',
    caller: 'city',
    query: `{ city { streetTaskTotalsByDistrict { districtCode total }
              districtRanking { rank district { name } stats { total completionRate overdue } ownStats { total } streetStats { total } } } }`,
  },
  {
    name: 'interface fragments: units, tasks and directive answers as Unit / Task / DirectiveResponse',
    caller: 'city',
    query: `{ city { units { ... on Unit { __typename name kind } }
              districts { units { ... on Unit { __typename name } }
                tasks(first: 2) { edges { node { ... on Task { __typename title overdue } } } } }
              issuedDirectives { responses { ... on DirectiveResponse { __typename status progress } } } } }`,
  },
  {
    name: 'union fragments: accountability subjects and the finding a rectification report answers',
    caller: 'city',
    query: `{ city {
              accountabilityCases { edges { node { title
                subjectUnit { __typename ... on CityUnit { name } ... on DistrictUnit { name } }
                subjectCadre { __typename ... on CityCadre { name } ... on DistrictCadre { name position } } } } }
              cityFindings(first: 10) { edges { node { description status
                districtRectificationReports { summary finding { __typename ... on CitySupervisionFinding { description } } } } } } } }`,
  },
  {
    name: 'accountability trace: a city case whose basis crosses two levels',
    caller: 'city',
    query: TRACE_QUERY_PORTABLE,
    variables: (ids) => ({ id: ids.accountabilityCaseId }),
  },
  {
    name: 'accountability trace with aliased fields in union fragments (as in the README)',
    caller: 'city',
    query: TRACE_QUERY,
    variables: (ids) => ({ id: ids.accountabilityCaseId }),
    knownDifference: {
      runtimes: ['stitching'],
      errorCodes: ['GRAPHQL_VALIDATION_FAILED'],
      sameData: false,
      reason:
        'the stitching planner spreads the selection on DistrictTask (a key-only stub in the city subgraph) ' +
        'over the city’s own union members, so the city subgraph gets `status` of two types and refuses the query; ' +
        'the Rust planner and ours answer',
    },
  },
  {
    name: 'roll-up statistics across levels',
    caller: 'city',
    query: `{ city { taskStats { total completed overdue completionRate }
              districts { name taskStats { total overdue } streetTaskStats { street { name } stats { total completionRate } } } } }`,
  },
  {
    name: 'a district leader sees its own district and its streets',
    caller: 'district',
    query: `{ district(code: "120101") { name taskStats { total } city { name }
              streets { name taskStats { total } district { name } } receivedDirectives { title } } }`,
  },
  {
    name: 'refused: a district leader reading a sibling district',
    caller: 'district',
    query: '{ city { districts { code taskStats { total } } } }',
  },
  {
    name: 'refused: nobody asking for the ranking',
    caller: 'anonymous',
    query: '{ city { name districtRanking { rank } } }',
  },
  {
    name: 'refused: a forged token, even for the public division list',
    caller: 'forged',
    query: '{ city { name districts { name } } }',
    knownDifference: {
      runtimes: ['stitching', 'router'],
      errorCodes: ['NONE'],
      sameData: true,
      reason: 'Hive’s JWT plugin refuses the token at the edge as ours does, with HTTP 401 and an error without a code',
    },
  },
  {
    name: 'public: the division list needs no token',
    caller: 'anonymous',
    query: '{ city { name districts { name streets { name } } } }',
  },
  {
    name: 'not found: an unknown district is null',
    caller: 'city',
    query: '{ district(code: "129999") { name } street(code: "120101999") { name } }',
  },
  {
    name: 'hidden: the @inaccessible anchor field is not part of the API',
    caller: 'city',
    query: '{ city { issuedDirectives { responses { directiveProgressAnchor { targets } } } } }',
  },
];

/** Asked once the street subgraph is stopped: a level down must be a field down, not a request down. */
export const PARTIAL_FAILURE_QUERIES: InteropQuery[] = [
  { name: 'street level down: the district’s own fields still answer', caller: 'city', query: '{ district(code: "120117") { name taskStats { total } city { name } } }' },
  { name: 'street level down: city → districts → streets', caller: 'city', query: '{ city { name districts { name streets { name } } } }' },
  { name: 'street level down: a street asked for directly', caller: 'city', query: '{ street(code: "120117001") { name } city { name } }' },
  { name: 'street level down: directive progress of the district directives', caller: 'city', query: '{ city { issuedDirectives { title progress { targets } responses { status cascade { title progress { averageProgress } } } } } }' },
];
