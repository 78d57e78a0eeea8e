import type { Cursor } from '@mikro-orm/core';
import { Directive, Field, Int, ObjectType, ArgsType } from 'type-graphql';
import { IsOptional, Max, Min, IsString } from 'class-validator';

export const MAX_PAGE_SIZE = 100;

/** One wording for every page size, so each list says the same: 0 asks only for the count. */
export const PAGE_SIZE_DESCRIPTION = `每页条数 Page size, 0–${MAX_PAGE_SIZE}; 0 returns no records, only \`totalCount\` and whether any exist (\`hasNextPage\`).`;

/** Relay-style page information; identical in every subgraph, hence shareable. */
@Directive('@shareable')
@ObjectType('PageInfo', { description: '分页信息 Where this page sits in the whole list.' })
export class PageInfo {
  @Field(() => Boolean)
  hasNextPage!: boolean;

  @Field(() => Boolean)
  hasPreviousPage!: boolean;

  @Field(() => String, { nullable: true, description: 'Pass as `after` to get the next page.' })
  endCursor!: string | null;

  @Field(() => String, { nullable: true })
  startCursor!: string | null;
}

@ArgsType()
export class PageArgs {
  @Field(() => Int, { defaultValue: 20, description: PAGE_SIZE_DESCRIPTION })
  @Min(0, { message: `每页条数不能为负 / must be between 0 and ${MAX_PAGE_SIZE}` })
  @Max(MAX_PAGE_SIZE, { message: `每页最多 ${MAX_PAGE_SIZE} 条 / must be between 0 and ${MAX_PAGE_SIZE}` })
  first: number = 20;

  @Field(() => String, { nullable: true, description: 'The `endCursor` of the previous page.' })
  @IsOptional()
  @IsString()
  after?: string;
}

export interface Connection<T> {
  edges: { cursor: string; node: T }[];
  pageInfo: PageInfo;
  totalCount: number;
}

export type ClassType<T = unknown> = new (...args: never[]) => T;

/**
 * A connection type for one node type (`DistrictTaskConnection` with `DistrictTaskEdge`). Each
 * level gets its own, because the node type names the owning subgraph.
 */
export function createConnectionType<T>(nodeType: ClassType<T>, nodeName: string): ClassType<Connection<T>> {
  @ObjectType(`${nodeName}Edge`)
  class Edge {
    @Field(() => String)
    cursor!: string;

    @Field(() => nodeType)
    node!: T;
  }

  @ObjectType(`${nodeName}Connection`, { description: `分页列表 A page of ${nodeName} records.` })
  class ConnectionType {
    @Field(() => [Edge])
    edges!: Edge[];

    @Field(() => PageInfo)
    pageInfo!: PageInfo;

    @Field(() => Int, { description: 'How many records match the filters, over all pages.' })
    totalCount!: number;
  }
  return ConnectionType;
}

/** Turns MikroORM's keyset-paginated `Cursor` into a GraphQL connection. */
export function toConnection<T extends object>(cursor: Cursor<T, never, never, never, boolean>): Connection<T> {
  return {
    edges: cursor.items.map((node) => ({ node: node as T, cursor: cursor.from(node) })),
    pageInfo: {
      hasNextPage: cursor.hasNextPage ?? false,
      hasPreviousPage: cursor.hasPrevPage ?? false,
      endCursor: cursor.endCursor,
      startCursor: cursor.startCursor,
    },
    totalCount: cursor.totalCount ?? cursor.items.length,
  };
}
