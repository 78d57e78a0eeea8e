import { badUserInput } from '../errors/graphql-errors';
import { MAX_ATTACHMENT_BYTES } from './attachment.entity';
import type { AttachmentInput } from './attachment.input';
import { base64DecodedSize, evidenceSizeMessage } from './evidence-base64';

/**
 * The size rule of `storeAttachments`, checkable on its own: a flow that asks another level to
 * act first (a rectification report) checks its evidence before that call, so a file over the
 * limit never leaves the other level having acted on a report that will not be stored.
 */
export function assertAttachmentsFit(inputs: readonly AttachmentInput[], field = 'input.attachments'): void {
  inputs.forEach((input, index) => {
    // Counted without decoding the file (the input's validation already refused other letters).
    const size = base64DecodedSize(input.contentBase64);
    if (size > MAX_ATTACHMENT_BYTES) throw badUserInput(`${field}.${index}.contentBase64`, evidenceSizeMessage(size));
  });
}
