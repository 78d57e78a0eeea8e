import { NotBlank } from '../validation/common-decorators';
import { IsEvidenceBase64 } from './evidence-base64';
import { IsString, Length, Matches } from 'class-validator';
import { Field, InputType } from 'type-graphql';

@InputType('AttachmentInput', { description: '佐证材料 An evidence file, sent inline as base64 (at most 5 MiB decoded).' })
export class AttachmentInput {
  @Field(() => String, { description: 'File name, e.g. 会议纪要.pdf' })
  @Length(1, 255)
  @NotBlank()
  name!: string;

  @Field(() => String, { description: 'MIME type, e.g. application/pdf' })
  @Matches(/^[\w.+-]+\/[\w.+-]+$/, { message: '须为 MIME 类型，如 application/pdf / must be a MIME type such as application/pdf' })
  contentType!: string;

  @Field(() => String, { description: 'The file\'s bytes, base64-encoded.' })
  @IsString()
  @IsEvidenceBase64()
  contentBase64!: string;
}
