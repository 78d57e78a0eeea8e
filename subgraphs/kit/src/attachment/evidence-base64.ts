import { ValidateBy, type ValidationOptions } from 'class-validator';
import { MAX_ATTACHMENT_BYTES } from './attachment.entity';

/** What `evidenceBase64Problem` found wrong with an evidence text, worded for the form. */
export function evidenceSizeMessage(size: number): string {
  return `文件 ${size} 字节，超出 5 MiB 上限 / file is ${size} bytes; the limit is ${MAX_ATTACHMENT_BYTES} bytes (5 MiB)`;
}

/** Bytes the base64 text decodes to (3 per 4 characters, less the padding), without decoding it. */
export function base64DecodedSize(text: string): number {
  const padding = text.endsWith('==') ? 2 : text.endsWith('=') ? 1 : 0;
  return Math.floor((text.length * 3) / 4) - padding;
}

function isBase64Letter(code: number): boolean {
  return (
    (code >= 65 && code <= 90) || // A-Z
    (code >= 97 && code <= 122) || // a-z
    (code >= 48 && code <= 57) || // 0-9
    code === 43 || // +
    code === 47 // /
  );
}

/**
 * The size rule first, then the alphabet, by counting and one pass over the characters.
 *
 * Why not class-validator's `@IsBase64()`: it runs validator.js's regular expression over the
 * whole text, and on a file of several MiB V8's regexp engine can throw `RangeError: Maximum
 * call stack size exceeded` (it did, in long test runs, for a 5 MiB + 1 byte file): the
 * oversized file then came back as an internal error instead of BAD_USER_INPUT, and the size
 * rule never got its turn. A text over the limit is refused here without being read at all.
 */
export function evidenceBase64Problem(text: unknown): string | undefined {
  if (typeof text !== 'string') return '须为 base64 文本 / must be base64 text';
  const size = base64DecodedSize(text);
  if (size > MAX_ATTACHMENT_BYTES) return evidenceSizeMessage(size);
  if (text.length % 4 !== 0) return '须为 base64 文本（长度为 4 的倍数）/ must be base64 (a multiple of 4 characters)';
  const padding = text.endsWith('==') ? 2 : text.endsWith('=') ? 1 : 0;
  for (let index = 0; index < text.length - padding; index += 1) {
    if (!isBase64Letter(text.charCodeAt(index))) {
      return `须为 base64 文本（第 ${index + 1} 个字符不是 base64 字符）/ must be base64 (character ${index + 1} is not a base64 letter)`;
    }
  }
  return undefined;
}

/** An evidence file's base64 content: at most 5 MiB decoded, standard alphabet with padding. */
export function IsEvidenceBase64(options: ValidationOptions = {}): PropertyDecorator {
  return ValidateBy(
    {
      name: 'isEvidenceBase64',
      validator: {
        validate: (value: unknown) => evidenceBase64Problem(value) === undefined,
        defaultMessage: (args) => evidenceBase64Problem(args?.value) ?? '须为 base64 文本 / must be base64',
      },
    },
    options,
  );
}
