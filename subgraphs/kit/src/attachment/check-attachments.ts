import { badUserInput } from '../errors/graphql-errors';
import { MAX_ATTACHMENT_BYTES } from './attachment.entity';
import type { AttachmentInput } from './attachment.input';

/**
 * The size rule of `storeAttachments`, checkable on its own: a flow that asks another level to
 * act first (a rectification report) checks its evidence before that call, so a file over the
 * limit never leaves the other level having acted on a report that will not be stored.
 */
export function assertAttachmentsFit(inputs: readonly AttachmentInput[], field = 'input.attachments'): void {
  inputs.forEach((input, index) => {
    // base64 decodes to at most 3 bytes per 4 characters; counted without decoding the file.
    const padding = input.contentBase64.endsWith('==') ? 2 : input.contentBase64.endsWith('=') ? 1 : 0;
    const size = Math.floor((input.contentBase64.replace(/\s/g, '').length * 3) / 4) - padding;
    if (size > MAX_ATTACHMENT_BYTES) {
      throw badUserInput(`${field}.${index}.contentBase64`, `file is ${size} bytes; the limit is ${MAX_ATTACHMENT_BYTES} bytes (5 MiB)`);
    }
  });
}
