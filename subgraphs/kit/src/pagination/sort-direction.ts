import { bilingualEnum, type EnumValue } from '../schema/bilingual-enum';

export const SortDirection = bilingualEnum('SortDirection', '排序方向 Sort direction.', {
  ASC: null,
  DESC: null,
});
export type SortDirection = EnumValue<typeof SortDirection>;

