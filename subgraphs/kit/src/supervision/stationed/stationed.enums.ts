import { bilingualEnum, type EnumValue } from '../../schema/bilingual-enum';

export const StationedMemberRole = bilingualEnum('StationedMemberRole', '组内职务 A member\'s role in a stationed group.', {
  LEADER: '组长 Group leader',
  DEPUTY_LEADER: '副组长 Deputy group leader',
  MEMBER: '成员 Member',
});
export type StationedMemberRole = EnumValue<typeof StationedMemberRole>;

export const StationedEngagementMode = bilingualEnum('StationedEngagementMode', '监督形式 How a stationed group works at the host unit.', {
  STATIONED_POINT: '驻点监督 Stationed-point supervision: the group works from a point at the unit',
  EMBEDDED: '进驻式监督 Embedded supervision: the group moves into the unit for a period',
});
export type StationedEngagementMode = EnumValue<typeof StationedEngagementMode>;

export const StationedReasonSource = bilingualEnum('StationedReasonSource', '监督缘由 What prompted an engagement.', {
  PLATFORM_SIGNAL: '平台信息反映 Information the platform reflected (an overdue or stalled task, a record)',
  SUPERVISION_FINDING: '监督发现的突出问题 A prominent problem found in supervision',
});
export type StationedReasonSource = EnumValue<typeof StationedReasonSource>;

export const StationedEngagementStatus = bilingualEnum('StationedEngagementStatus', '进驻状态 Whether an engagement is under way.', {
  IN_PROGRESS: '进驻中 Under way: results may still be recorded',
  CLOSED: '已结束 Closed: its check and findings are recorded',
});
export type StationedEngagementStatus = EnumValue<typeof StationedEngagementStatus>;
