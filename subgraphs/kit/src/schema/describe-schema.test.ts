import { buildSchema, printSchema } from 'graphql';
import { describeSchema, isBilingual } from './describe-schema';

/** The glossary completes what declarations leave out; what they wrote stays. */
describe('describeSchema', () => {
  const schema = () =>
    buildSchema(`
      """任务 A task."""
      interface Task { id: ID! """标题 The task's title.""" title: String! }
      type CityTask implements Task { id: ID! title: String! unitId: ID! """Only the English.""" createdAt: String! mystery: Int }
      type CityTaskEdge { cursor: String! node: CityTask! }
      type Query { cityTask(id: ID!): CityTask tasks(first: Int): [CityTaskEdge!]! }
    `);

  it('copies the interface, fills glossary names and pages, and leaves unknown names undescribed', () => {
    const described = schema();
    describeSchema(described);
    const task = described.getType('CityTask') as import('graphql').GraphQLObjectType;
    const fields = task.getFields();
    expect(task.description).toBe('任务 A task.');
    expect(fields.title.description).toBe('标题 The task\'s title.');
    expect(fields.unitId.description).toBe('单位标识 Id of the unit.');
    expect(fields.createdAt.description).toBe('创建时间 Only the English.');
    expect(fields.mystery.description).toBeUndefined();
    expect(described.getType('CityTaskEdge')!.description).toBe('分页条目 One CityTask of a page, with its cursor.');
    expect(printSchema(described)).toContain('每页条数 Page size.');
  });

  it('calls a description bilingual only with Chinese and Latin letters in it', () => {
    expect(isBilingual('任务 A task.')).toBe(true);
    expect(isBilingual('A task.')).toBe(false);
    expect(isBilingual('任务')).toBe(false);
    expect(isBilingual(undefined)).toBe(false);
  });
});
