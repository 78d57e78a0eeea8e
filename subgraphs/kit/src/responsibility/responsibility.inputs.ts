import { NotBlank } from '../validation/common-decorators';
import { IsInt, IsOptional, IsUUID, Length, Matches, Max, Min } from 'class-validator';
import { Field, ID, InputType, Int } from 'type-graphql';
import { OptionalId } from '../validation/optional-id';

/** The year range the database accepts (check constraint on responsibility_item.year). */
export const MIN_YEAR = 2000;
export const MAX_YEAR = 2100;

@InputType('CreateResponsibilityItemInput')
export class CreateResponsibilityItemInput {
  @Field(() => ID, { description: 'The unit whose list gets the item; its jurisdiction owns the item.' })
  @IsUUID()
  unitId!: string;

  @OptionalId({ description: 'A cadre of that unit; omit for an item of the leadership team.' })
  cadreId?: string | null;

  @OptionalId({ description: '分解自 The item of the level above this one breaks down: a city item for a district\'s item, an item of the own district for a street\'s. Omit when it breaks nothing down.' })
  parentItemId?: string | null;

  @Field(() => String, { description: 'Code of an existing responsibility category.' })
  @Length(1, 40)
  categoryCode!: string;

  @Field(() => Int)
  @IsInt()
  @Min(MIN_YEAR)
  @Max(MAX_YEAR)
  year!: number;

  @Field(() => String)
  @Length(1, 5000)
  @NotBlank()
  content!: string;

  @Field(() => String, { defaultValue: '' })
  @Length(0, 5000)
  basis: string = '';
}

/** Only the fields given change. `cadreId: null` turns the item into the leadership team's. */
@InputType('UpdateResponsibilityItemInput')
export class UpdateResponsibilityItemInput {
  @Field(() => Int, { nullable: true, description: '期望版本 The version the change is based on; another version is a CONFLICT (omit to change whatever the item is now).' })
  @IsOptional()
  @IsInt()
  expectedVersion?: number | null;

  @OptionalId()
  cadreId?: string | null;

  @OptionalId({ description: '分解自 The item of the level above this one breaks down; null: it breaks nothing down (any more).' })
  parentItemId?: string | null;

  @Field(() => String, { nullable: true })
  @IsOptional()
  @Length(1, 40)
  categoryCode?: string;

  @Field(() => Int, { nullable: true })
  @IsOptional()
  @IsInt()
  @Min(MIN_YEAR)
  @Max(MAX_YEAR)
  year?: number;

  @Field(() => String, { nullable: true })
  @IsOptional()
  @Length(1, 5000)
  @NotBlank()
  content?: string;

  @Field(() => String, { nullable: true })
  @IsOptional()
  @Length(0, 5000)
  basis?: string;
}

@InputType('AddResponsibilityCategoryInput')
export class AddResponsibilityCategoryInput {
  @Field(() => ID, { description: 'Stable code in capitals, e.g. GRASSROOTS.' })
  @Matches(/^[A-Z][A-Z0-9_]{1,39}$/, { message: '须为 2–40 个大写字母、数字或 _ / must be 2–40 capital letters, digits or _' })
  code!: string;

  @Field(() => String)
  @Length(1, 100)
  @NotBlank()
  name!: string;

  @Field(() => Int, { defaultValue: 0 })
  @IsInt()
  sortOrder: number = 0;
}

@InputType('ResponsibilityItemFilter', { description: '筛选 Narrows a responsibility list; all given conditions hold.' })
export class ResponsibilityItemFilter {
  @Field(() => Int, { nullable: true })
  @IsOptional()
  @IsInt()
  year?: number;

  @Field(() => String, { nullable: true })
  @IsOptional()
  categoryCode?: string;

  @OptionalId()
  cadreId?: string;

  @OptionalId()
  unitId?: string;

  @Field(() => String, { nullable: true, description: 'Words in the content or basis.' })
  @IsOptional()
  @Length(1, 200)
  text?: string;
}
