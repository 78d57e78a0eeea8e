import type { Division } from '../jurisdiction/divisions';
import type { DirectiveResponseStatusCode } from '../directive/directive-response.entity';
import { daysFromToday, timestampDaysAgo } from './demo-dates';
import { demoId } from './demo-ids';

export interface DemoDirective {
  id: string;
  issuerCode: string;
  parentDirectiveId: string | null;
  title: string;
  requirements: string;
  deadline: string;
  targetCodes: string[];
  issuedAt: Date;
}

export interface DemoResponse {
  id: string;
  directiveId: string;
  responderCode: string;
  status: DirectiveResponseStatusCode;
  progress: number;
  report: string;
}

export interface DirectivePlan {
  directives: DemoDirective[];
  responses: DemoResponse[];
}

const RESPONSE_CYCLE: { status: DirectiveResponseStatusCode; progress: number; report: string }[] = [
  { status: 'COMPLETED', progress: 100, report: '已按要求完成，清单已逐项对照落实并报送' },
  { status: 'IN_PROGRESS', progress: 60, report: '已召开专题会议部署，正在逐单位推进' },
  { status: 'ACKNOWLEDGED', progress: 0, report: '' },
  { status: 'IN_PROGRESS', progress: 30, report: '已制定工作方案，下发至各街道(乡镇)' },
];

function respond(directive: DemoDirective, responders: string[], offset = 0): DemoResponse[] {
  return responders.map((code, index) => ({
    id: demoId(`response:${directive.id}:${code}`),
    directiveId: directive.id,
    responderCode: code,
    ...RESPONSE_CYCLE[(index + offset) % RESPONSE_CYCLE.length],
  }));
}

/**
 * The directives in flight when the demo starts: the whole chain of issue → cascade → response,
 * worked out once from the division list so that every level's seed inserts its own part of the
 * same story.
 */
export function demoDirectivePlan(divisions: Division[], today = new Date()): DirectivePlan {
  const districts = divisions.filter((division) => division.level === 'district').map((division) => division.code);
  const streetsOf = (district: string) =>
    divisions.filter((division) => division.parentCode === district).map((division) => division.code);

  const cityDirective = (key: string, fields: Omit<DemoDirective, 'id' | 'issuerCode' | 'parentDirectiveId'>): DemoDirective => ({
    id: demoId(`directive:120000:${key}`),
    issuerCode: '120000',
    parentDirectiveId: null,
    ...fields,
  });
  // Issued before the tasks that answer them were set (60 days ago): a task names a directive that exists.
  const lists = cityDirective('lists', {
    title: '关于落实全面从严治党主体责任清单的通知',
    requirements: '各区对照主体责任清单和任务清单，逐项明确责任人和完成时限，年底前报送落实情况。',
    deadline: daysFromToday(30, today),
    targetCodes: districts,
    issuedAt: timestampDaysAgo(80, today),
  });
  const reports = cityDirective('reports', {
    title: '关于开展区委书记述责述廉工作的通知',
    requirements: '组织区委书记向市纪委全会述责述廉，接受询问质询，会后报送整改清单。',
    deadline: daysFromToday(10, today),
    targetCodes: districts.slice(0, 6),
    issuedAt: timestampDaysAgo(72, today),
  });
  const followUp = cityDirective('follow-up', {
    title: '关于开展监督检查发现问题整改"回头看"的通知',
    requirements: '对季度监督检查发现的问题逐项复查，防止查而不改、改而复发。',
    deadline: daysFromToday(-5, today),
    targetCodes: districts.slice(6, 9),
    issuedAt: timestampDaysAgo(100, today),
  });

  const cascade = (parent: DemoDirective, district: string, streets: string[]): DemoDirective => ({
    id: demoId(`directive:${district}:${parent.id}`),
    issuerCode: district,
    parentDirectiveId: parent.id,
    title: parent.title,
    requirements: `${parent.requirements}各街道(乡镇)结合实际抓好落实。`,
    deadline: daysFromToday(20, today),
    targetCodes: streets,
    // Passed on five days after the level above issued it.
    issuedAt: new Date(parent.issuedAt.getTime() + 5 * 24 * 60 * 60 * 1000),
  });
  const heping = cascade(lists, '120101', streetsOf('120101').slice(0, 4));
  const binhai = cascade(lists, '120116', streetsOf('120116').slice(0, 5));
  const hexi = cascade(reports, '120103', streetsOf('120103').slice(0, 3));

  return {
    directives: [lists, reports, followUp, heping, binhai, hexi],
    responses: [
      ...respond(lists, districts.slice(0, 10)),
      ...respond(reports, districts.slice(0, 4), 1),
      ...respond(followUp, districts.slice(6, 9), 2),
      ...respond(heping, heping.targetCodes.slice(0, 3)),
      ...respond(binhai, binhai.targetCodes.slice(0, 4), 1),
      ...respond(hexi, hexi.targetCodes.slice(0, 2), 2),
    ],
  };
}

/**
 * 任务落实指令 Which directive each addressee's leading task answers: the first directive of the plan
 * addressed to the jurisdiction (the city's list notice for a district, its district's cascade of it
 * for a street); jurisdictions no directive addresses have none.
 */
export function answeredDirectiveByJurisdiction(plan: DirectivePlan): Map<string, string> {
  const answered = new Map<string, string>();
  for (const directive of plan.directives) {
    for (const code of directive.targetCodes) if (!answered.has(code)) answered.set(code, directive.id);
  }
  return answered;
}
