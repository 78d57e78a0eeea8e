import { bilingualEnum, type EnumValue } from '../schema/bilingual-enum';

export const UnitKind = bilingualEnum('UnitKind', '单位类别 Kind of unit.', {
  PARTY_COMMITTEE: '党委(党组) Party committee or leading party group',
  GOVERNMENT: '政府 People\'s government',
  DEPARTMENT: '部门 Department or bureau',
  STATE_OWNED_ENTERPRISE: '国有企业 State-owned enterprise',
  PUBLIC_INSTITUTION: '事业单位 Public institution',
  OTHER: '其他 Other',
});
export type UnitKind = EnumValue<typeof UnitKind>;

