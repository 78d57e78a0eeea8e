import { NotBlank, IsAdministrativeCode } from '../validation/common-decorators';
import { IsBoolean, IsEnum, IsInt, IsOptional, IsUUID, Length } from 'class-validator';
import { Field, ID, InputType, Int } from 'type-graphql';
import { UnitKind } from './unit-kind';

@InputType('CreateUnitInput')
export class CreateUnitInput {
  @Field(() => ID, { description: 'The owning jurisdiction: must be the caller\'s own.' })
  @IsAdministrativeCode()
  jurisdictionCode!: string;

  @Field(() => String)
  @Length(1, 200)
  @NotBlank()
  name!: string;

  @Field(() => UnitKind)
  @IsEnum(UnitKind)
  kind!: UnitKind;
}

@InputType('AddCadreInput')
export class AddCadreInput {
  @Field(() => ID)
  @IsUUID()
  unitId!: string;

  @Field(() => String)
  @Length(1, 100)
  @NotBlank()
  name!: string;

  @Field(() => String)
  @Length(1, 200)
  position!: string;

  @Field(() => Boolean, { defaultValue: true })
  @IsBoolean()
  teamMember: boolean = true;

  @Field(() => Boolean, { defaultValue: false, description: 'Makes this cadre the principal leader; the previous one steps down.' })
  @IsBoolean()
  principal: boolean = false;
}

@InputType('UpdateCadreInput')
export class UpdateCadreInput {
  @Field(() => Int, { nullable: true, description: '期望版本 The version the change is based on; another version is a CONFLICT (omit to change whatever the cadre is now).' })
  @IsOptional()
  @IsInt()
  expectedVersion?: number | null;

  @Field(() => String, { nullable: true })
  @IsOptional()
  @Length(1, 200)
  position?: string;

  @Field(() => Boolean, { nullable: true })
  @IsOptional()
  @IsBoolean()
  teamMember?: boolean;

  @Field(() => Boolean, { nullable: true })
  @IsOptional()
  @IsBoolean()
  principal?: boolean;
}
