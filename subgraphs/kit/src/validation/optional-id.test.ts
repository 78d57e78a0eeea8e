import 'reflect-metadata';
import { validate } from 'class-validator';
import { printSchema } from 'graphql';
import { Arg, buildSchemaSync, InputType, Query, Resolver } from 'type-graphql';
import { OptionalId } from './optional-id';

@InputType('TestOptionalIdInput')
class TestInput {
  @OptionalId({ description: '干部 A cadre.' })
  cadreId?: string | null;
}

@Resolver()
class TestResolver {
  @Query(() => Boolean)
  accepts(@Arg('input', () => TestInput) input: TestInput): boolean {
    return input !== undefined;
  }
}

const problems = async (cadreId: unknown) => (await validate(Object.assign(new TestInput(), { cadreId }))).map((error) => error.property);

describe('OptionalId', () => {
  it('is a nullable ID in the schema, with its description', () => {
    expect(printSchema(buildSchemaSync({ resolvers: [TestResolver], validate: false }))).toContain('input TestOptionalIdInput {\n  """干部 A cadre."""\n  cadreId: ID\n}');
  });

  it('may be left out or null, and must be a UUID when given', async () => {
    expect(await problems(undefined)).toEqual([]);
    expect(await problems(null)).toEqual([]);
    expect(await problems('0196f1c2-7d3e-7a10-8b2c-1d2e3f405162')).toEqual([]);
    expect(await problems('not-an-id')).toEqual(['cadreId']);
  });
});
