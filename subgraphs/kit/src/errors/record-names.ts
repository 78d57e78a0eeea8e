/**
 * 记录名称 The Chinese name of each kind of record a `notFound` error can name, so the message
 * reads `未找到任务 … / task … not found`. A kind missing here is found by
 * test/integration/bilingual-messages.test.ts.
 */
export const RECORD_NAMES: Readonly<Record<string, string>> = {
  'accountability case': '问责案件',
  'assessment interview': '约谈',
  'assessment plan': '考核方案',
  'assessment score sheet': '考核表',
  cadre: '领导干部',
  directive: '指令',
  'duty record': '履职纪实',
  'duty report question': '述责述廉询问',
  'duty report reporter': '述责人',
  milestone: '任务节点',
  'responsibility item': '主体责任清单事项',
  'supervision finding': '监督检查发现的问题',
  'supervision office': '监督检查室',
  'supervision plan': '季度监督检查计划',
  task: '任务',
  unit: '单位',
};
