import { registerEnumType } from 'type-graphql';

export enum UnitKind {
  PARTY_COMMITTEE = 'PARTY_COMMITTEE',
  GOVERNMENT = 'GOVERNMENT',
  DEPARTMENT = 'DEPARTMENT',
  STATE_OWNED_ENTERPRISE = 'STATE_OWNED_ENTERPRISE',
  PUBLIC_INSTITUTION = 'PUBLIC_INSTITUTION',
  OTHER = 'OTHER',
}

registerEnumType(UnitKind, {
  name: 'UnitKind',
  description: '单位类别 Kind of unit.',
  valuesConfig: {
    PARTY_COMMITTEE: { description: '党委(党组) Party committee or leading party group' },
    GOVERNMENT: { description: '政府 People\'s government' },
    DEPARTMENT: { description: '部门 Department or bureau' },
    STATE_OWNED_ENTERPRISE: { description: '国有企业 State-owned enterprise' },
    PUBLIC_INSTITUTION: { description: '事业单位 Public institution' },
    OTHER: { description: '其他 Other' },
  },
});
