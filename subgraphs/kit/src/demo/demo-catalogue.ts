import type { UnitKindCode } from '../org/unit.entity';
import type { DutyRecordKindCode } from '../duty-record/duty-record.entity';

/** What the demo says, in the words of real responsibility lists; kept apart from how it is stored. */
export interface UnitTemplate {
  kind: UnitKindCode;
  name: (jurisdictionName: string) => string;
  /** The principal leader first. */
  positions: string[];
}

export const CITY_UNITS: UnitTemplate[] = [
  { kind: 'PARTY_COMMITTEE', name: () => '中共天津市委办公厅', positions: ['秘书长', '副秘书长', '机关纪委书记'] },
  { kind: 'DEPARTMENT', name: () => '天津市发展和改革委员会', positions: ['党组书记、主任', '党组成员、副主任', '驻委纪检监察组组长'] },
  { kind: 'DEPARTMENT', name: () => '天津市教育委员会', positions: ['党组书记、主任', '党组成员、副主任', '驻委纪检监察组组长'] },
  { kind: 'STATE_OWNED_ENTERPRISE', name: () => '天津港(集团)有限公司', positions: ['党委书记、董事长', '党委副书记、总经理', '纪委书记'] },
];

export const DISTRICT_UNITS: UnitTemplate[] = [
  { kind: 'PARTY_COMMITTEE', name: (district) => `中共天津市${district}委员会`, positions: ['区委书记', '区委副书记', '区纪委书记、区监委主任'] },
  { kind: 'GOVERNMENT', name: (district) => `天津市${district}人民政府`, positions: ['区长', '常务副区长', '副区长'] },
  { kind: 'DEPARTMENT', name: (district) => `${district}教育局`, positions: ['党组书记、局长', '副局长'] },
  { kind: 'DEPARTMENT', name: (district) => `${district}卫生健康委员会`, positions: ['党委书记、主任', '副主任'] },
];

export function streetUnits(streetName: string): UnitTemplate[] {
  const town = /[镇乡]$/.test(streetName);
  return town
    ? [
        { kind: 'PARTY_COMMITTEE', name: (name) => `中共${name}委员会`, positions: ['党委书记', '党委副书记', '纪委书记'] },
        { kind: 'GOVERNMENT', name: (name) => `${name}人民政府`, positions: [streetName.endsWith('乡') ? '乡长' : '镇长', '副镇长'] },
      ]
    : [
        { kind: 'PARTY_COMMITTEE', name: (name) => `${name}党工委`, positions: ['党工委书记', '党工委副书记', '纪工委书记'] },
        { kind: 'GOVERNMENT', name: (name) => `${name}办事处`, positions: ['办事处主任', '副主任'] },
      ];
}

export const CATEGORY_WORK: Record<string, { item: string; basis: string; tasks: string[] }> = {
  PARTY_CONDUCT: {
    item: '落实党风廉政建设主体责任，履行"一岗双责"，定期研究部署党风廉政建设工作',
    basis: '《党委(党组)落实全面从严治党主体责任规定》',
    tasks: ['召开党风廉政建设专题会议', '开展廉政风险点排查防控', '组织警示教育大会'],
  },
  IDEOLOGY: {
    item: '落实意识形态工作责任制，定期分析研判意识形态领域情况',
    basis: '《党委(党组)意识形态工作责任制实施办法》',
    tasks: ['开展意识形态工作专题研判', '组织理论学习中心组学习'],
  },
  PERSONNEL: {
    item: '严格执行干部选拔任用工作条例，把好选人用人关',
    basis: '《党政领导干部选拔任用工作条例》',
    tasks: ['开展干部档案专项审核', '规范干部选拔任用程序备案'],
  },
  WORK_STYLE: {
    item: '落实中央八项规定及其实施细则精神，持续整治形式主义官僚主义',
    basis: '中央八项规定及其实施细则',
    tasks: ['开展落实八项规定精神监督检查', '整治形式主义为基层减负'],
  },
  RECTIFICATION: {
    item: '抓好巡视巡察、审计和监督检查反馈问题整改落实',
    basis: '《中国共产党巡视工作条例》',
    tasks: ['巡察反馈问题整改', '审计发现问题整改落实'],
  },
};

export const DUTY_SUMMARIES: Record<DutyRecordKindCode, string> = {
  MEETING: '主持召开专题会议，研究部署本单位全面从严治党工作，明确责任分工和完成时限',
  TALK: '与班子成员和下属单位主要负责人开展廉政谈话，指出苗头性倾向性问题',
  INSPECTION: '带队到基层单位督导检查责任落实情况，现场查阅台账资料',
  REPORT: '向上级党委报告履行全面从严治党主体责任情况',
  INSTRUCTION: '对监督检查发现的问题作出批示，要求限期整改并报告整改结果',
  OTHER: '参加上级组织的专题培训并传达学习',
};

export const CANCEL_REASONS = ['机构改革后职责划转，任务由新单位承接', '上级部署调整，合并至年度专项工作'];

export const COMMON_SURNAMES = ['王', '李', '张', '刘', '陈', '杨', '黄', '赵', '吴', '周', '徐', '孙', '马', '朱', '胡', '郭', '何', '林', '高', '罗'];
