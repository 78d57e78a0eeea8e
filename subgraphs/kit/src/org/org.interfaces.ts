import { Field, ID, Int, InterfaceType } from 'type-graphql';
import { levelOfCode } from '../jurisdiction/admin-code';
import { levelTypeName } from '../level/level-names';
import { UnitKind } from './unit-kind';

/**
 * The level-agnostic views of units and cadres. Each level's subgraph implements them with its
 * own object type (`CityUnit`, `DistrictUnit`, `StreetUnit`), and the type is read off the
 * record's jurisdiction code. Implementations are not auto-registered, so one subgraph's
 * schema never picks up another level's type when all are loaded in one process.
 */
@InterfaceType('Unit', {
  description: '单位 A unit of some jurisdiction, at any level.',
  autoRegisterImplementations: false,
  resolveType: (unit: { jurisdictionCode: string }) => levelTypeName(levelOfCode(unit.jurisdictionCode)!, 'Unit'),
})
export abstract class UnitInterface {
  @Field(() => ID)
  id!: string;

  @Field(() => String, { description: '名称 Name.' })
  name!: string;

  @Field(() => UnitKind, { description: '类别 Kind.' })
  kind!: UnitKind;

  @Field(() => ID, { description: '所属辖区代码 Code of the jurisdiction that owns the unit.' })
  jurisdictionCode!: string;
}

@InterfaceType('Cadre', {
  description: '领导干部 A leading cadre, at any level.',
  autoRegisterImplementations: false,
  resolveType: (cadre: { jurisdictionCode: string }) => levelTypeName(levelOfCode(cadre.jurisdictionCode)!, 'Cadre'),
})
export abstract class CadreInterface {
  @Field(() => ID)
  id!: string;

  @Field(() => String, { description: '姓名 Name.' })
  name!: string;

  @Field(() => String, { description: '职务 Position.' })
  position!: string;

  @Field(() => Boolean, { description: '是否领导班子成员 Member of the unit\'s leadership team (领导班子).' })
  teamMember!: boolean;

  @Field(() => Boolean, { description: '是否主要负责人 The unit\'s principal leader (一把手).' })
  principal!: boolean;

  @Field(() => Int, { description: '版本 Record version: raised by every change; send it back as expectedVersion so a change made meanwhile by someone else is refused (CONFLICT) instead of overwritten.' })
  version!: number;

  @Field(() => ID)
  unitId!: string;

  @Field(() => ID)
  jurisdictionCode!: string;
}
