import { Directive, Field, ID, Int, ObjectType } from 'type-graphql';

/** The same shape in every subgraph; each returns only its own level's files. */
@Directive('@shareable')
@ObjectType('Attachment', { description: '佐证材料 An evidence file with its SHA-256 digest.' })
export class AttachmentType {
  @Field(() => ID)
  id!: string;

  @Field(() => String)
  name!: string;

  @Field(() => String)
  contentType!: string;

  @Field(() => Int, { description: 'Size in bytes.' })
  size!: number;

  @Field(() => String, { description: 'SHA-256 of the content, hex.' })
  sha256!: string;

  @Field(() => String, { description: '摘要算法 The algorithm of `digest`: sha256, or sm3 where the level uses commercial cryptography.' })
  digestAlgorithm!: string;

  @Field(() => String, { description: '摘要 Digest of the content under `digestAlgorithm`, hex.' })
  digest!: string;

  @Field(() => Date)
  createdAt!: Date;
}
