import { Directive, Field, ID, Int, InterfaceType, ObjectType } from 'type-graphql';
import { levelOfCode } from '../jurisdiction/admin-code';
import { levelTypeName } from '../level/level-names';
import { CadreInterface, UnitInterface } from '../org/org.interfaces';

/**
 * 责任类别 The same categories table exists in every level's database, so the type is a value
 * type every subgraph may resolve (shareable), not an entity with one owner.
 */
@Directive('@shareable')
@ObjectType('ResponsibilityCategory', { description: '责任类别 A category of responsibility items (党风廉政建设 …).' })
export class ResponsibilityCategoryType {
  @Field(() => ID, { description: '代码 Stable code, e.g. PARTY_CONDUCT.' })
  code!: string;

  @Field(() => String, { description: '名称 Name, e.g. 党风廉政建设.' })
  name!: string;

  @Field(() => Int, { description: '排序 Position in lists.' })
  sortOrder!: number;
}

/**
 * The level-agnostic view of a responsibility-list item; each level implements it with its own
 * type (`DistrictResponsibilityItem` …), picked from the record's jurisdiction code.
 */
@InterfaceType('ResponsibilityItem', {
  description: '主体责任清单条目 One item of a responsibility list, at any level: the leadership team\'s or one cadre\'s.',
  autoRegisterImplementations: false,
  resolveType: (item: { jurisdictionCode: string }) => levelTypeName(levelOfCode(item.jurisdictionCode)!, 'ResponsibilityItem'),
})
export abstract class ResponsibilityItemInterface {
  @Field(() => ID)
  id!: string;

  @Field(() => Int, { description: '年度 Year the item applies to.' })
  year!: number;

  @Field(() => Int, { description: '版本 Record version: raised by every change; send it back as expectedVersion so a change made meanwhile by someone else is refused (CONFLICT) instead of overwritten.' })
  version!: number;

  @Field(() => String, { description: '责任内容 What the team or cadre is responsible for.' })
  content!: string;

  @Field(() => String, { description: '文件依据 The documents the item rests on.' })
  basis!: string;

  @Field(() => ResponsibilityCategoryType, { description: '责任类别 Category.' })
  category!: ResponsibilityCategoryType;

  @Field(() => UnitInterface, { description: '责任单位 The unit whose list this item is on.' })
  unit!: UnitInterface;

  @Field(() => CadreInterface, { nullable: true, description: '责任人 The cadre; null for an item of the leadership team (领导班子) as a whole.' })
  cadre!: CadreInterface | null;

  @Field(() => ID, { description: '所属辖区代码 Code of the jurisdiction that owns the item.' })
  jurisdictionCode!: string;

  @Field(() => Date)
  createdAt!: Date;
}
