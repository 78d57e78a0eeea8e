import { registerEnumType } from 'type-graphql';

export enum StreetKind {
  SUBDISTRICT = 'SUBDISTRICT',
  TOWN = 'TOWN',
  TOWNSHIP = 'TOWNSHIP',
  TOWNSHIP_LIKE = 'TOWNSHIP_LIKE',
}

registerEnumType(StreetKind, {
  name: 'StreetKind',
  description: '街道级区划类别 Kind of street-level division, read from its statistical code.',
  valuesConfig: {
    SUBDISTRICT: { description: '街道 Urban subdistrict' },
    TOWN: { description: '镇 Town' },
    TOWNSHIP: { description: '乡 Township' },
    TOWNSHIP_LIKE: { description: '类似乡级单位 Development zone, farm or park administered like a township' },
  },
});
