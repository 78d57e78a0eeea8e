import 'reflect-metadata';
import { printSchema } from 'graphql';
import { buildSchemaSync, Field, ObjectType, Query, Resolver } from 'type-graphql';
import { bilingualEnum, type EnumValue } from './bilingual-enum';

const Season = bilingualEnum('TestSeason', '季节 A season.', {
  SPRING: '春 Spring',
  SUMMER: null,
  AUTUMN: '秋 Autumn',
});
type Season = EnumValue<typeof Season>;

@ObjectType('TestWeather')
class Weather {
  @Field(() => Season)
  season!: Season;
}

@Resolver()
class WeatherResolver {
  @Query(() => Weather)
  weather(): Weather {
    return { season: Season.AUTUMN };
  }
}

describe('bilingualEnum', () => {
  it('makes an enum whose values are their names, in table order, and that cannot be changed', () => {
    expect(Season).toEqual({ SPRING: 'SPRING', SUMMER: 'SUMMER', AUTUMN: 'AUTUMN' });
    expect(Object.keys(Season)).toEqual(['SPRING', 'SUMMER', 'AUTUMN']);
    expect(Object.isFrozen(Season)).toBe(true);
  });

  it('registers it with the enum description and each value\'s own, leaving a null one undescribed', () => {
    const sdl = printSchema(buildSchemaSync({ resolvers: [WeatherResolver], validate: false }));
    expect(sdl).toContain('"""季节 A season."""\nenum TestSeason {\n  """春 Spring"""\n  SPRING\n  SUMMER\n\n  """秋 Autumn"""\n  AUTUMN\n}');
  });
});
