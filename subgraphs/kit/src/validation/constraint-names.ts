/**
 * 校验规则的中文说明 What each class-validator rule means, in Chinese. class-validator writes its
 * own messages in English ("title must be longer than or equal to 1 characters"), so a refused
 * input field says the Chinese first and keeps the English, which carries the exact limits,
 * after it: `长度超出允许范围 / title must be shorter than or equal to 200 characters`. A message
 * the platform wrote itself already holds Chinese and is left as written.
 */
const CONSTRAINT_ZH: Readonly<Record<string, string>> = {
  isLength: '长度超出允许范围',
  maxLength: '长度超出允许范围',
  minLength: '长度不足',
  min: '数值小于下限',
  max: '数值大于上限',
  isInt: '须为整数',
  isNumber: '须为数字',
  isUuid: '须为记录标识（UUID）',
  isEnum: '取值不在允许范围内',
  isIn: '取值不在允许范围内',
  isBoolean: '须为是/否',
  isArray: '须为列表',
  isString: '须为文本',
  arrayMaxSize: '列表项数过多',
  arrayMinSize: '列表项数过少',
  matches: '格式不正确',
  nestedValidation: '须为对象',
};

const CHINESE = /[\u4e00-\u9fa5]/;

/** The message of a refused rule, Chinese first: the platform's own words, or the rule's meaning before class-validator's English. */
export function bilingualConstraintMessage(constraint: string, message: string): string {
  if (CHINESE.test(message)) return message;
  return `${CONSTRAINT_ZH[constraint] ?? '输入有误'} / ${message}`;
}
