/** Chinese names of the schema's enum values, as the commission's documents use them. */
export const TASK_STATUS: Record<string, string> = {
  PLANNED: '未开始',
  IN_PROGRESS: '进行中',
  COMPLETED: '已完成',
  CANCELLED: '已取消',
};

export const FINDING_STATUS: Record<string, string> = {
  OPEN: '待整改',
  REPORTED: '已报告',
  SENT_BACK: '退回重改',
  ACCEPTED: '已验收',
  CONFIRMED: '回头看确认',
  REOPENED: '重新整改',
};

export const DUTY_RECORD_KIND: Record<string, string> = {
  MEETING: '会议',
  TALK: '谈话',
  INSPECTION: '检查',
  REPORT: '报告',
  INSTRUCTION: '批示',
  OTHER: '其他',
};

export const GRADE: Record<string, string> = { EXCELLENT: '优秀', GOOD: '良好', AVERAGE: '一般', POOR: '较差' };

export const FOLLOW_UP: Record<string, string> = {
  AWAITING_FOLLOW_UP: '未回访',
  COMMITMENTS_OPEN: '承诺未兑现',
  CONFIRMED: '已确认',
};

export const CASE_STATUS: Record<string, string> = { OPEN: '办理中', DECIDED: '已决定' };

export const DECISION_FORM: Record<string, string> = {
  CHECK: '检查',
  NOTICE: '通报',
  REORGANIZATION: '改组',
  ADMONITION: '诫勉',
  ORGANIZATIONAL_ADJUSTMENT: '组织调整',
  PARTY_DISCIPLINE: '纪律处分',
};

export const LEVEL: Record<string, string> = { city: '市级', district: '区级', street: '街道(乡镇)级' };

export function percent(rate: number): string {
  return `${(rate * 100).toFixed(1)}%`;
}

export const STREET_KIND: Record<string, string> = {
  SUBDISTRICT: '街道',
  TOWN: '镇',
  TOWNSHIP: '乡',
  TOWNSHIP_LIKE: '类似乡级单位',
};
