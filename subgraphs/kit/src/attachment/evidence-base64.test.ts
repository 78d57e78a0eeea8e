import 'reflect-metadata';
import { validate } from 'class-validator';
import { MAX_ATTACHMENT_BYTES } from './attachment.entity';
import { AttachmentInput } from './attachment.input';
import { base64DecodedSize, evidenceBase64Problem } from './evidence-base64';

describe('evidence base64 (size first, then the alphabet, without a regular expression)', () => {
  it('accepts what Buffer encodes, for every padding length, and measures it exactly', () => {
    for (let length = 0; length <= 9; length += 1) {
      const text = Buffer.alloc(length, 0xfb).toString('base64');
      expect(evidenceBase64Problem(text)).toBeUndefined();
      expect(base64DecodedSize(text)).toBe(length);
    }
    expect(evidenceBase64Problem(Buffer.from('会议纪要 minutes').toString('base64'))).toBeUndefined();
  });

  it.each([
    ['url-safe letters', Buffer.from([0xfb, 0xff, 0xfe]).toString('base64url')],
    ['white space', 'QUJD\nQUJD'],
    ['a length that is no multiple of 4', 'QUJDR'],
    ['padding in the middle', 'QQ==QUJD'],
    ['padding only', '===='],
    ['three padding characters', 'A==='],
    ['not base64 at all', '!!!!'],
  ])('refuses %s', (_what, text) => {
    expect(evidenceBase64Problem(text)).toMatch(/must be base64/);
  });

  it('takes a file of exactly 5 MiB and refuses 5 MiB + 1 byte by its size, naming it', () => {
    expect(evidenceBase64Problem(Buffer.alloc(MAX_ATTACHMENT_BYTES, 1).toString('base64'))).toBeUndefined();
    expect(evidenceBase64Problem(Buffer.alloc(MAX_ATTACHMENT_BYTES + 1, 1).toString('base64'))).toBe(
      '文件 5242881 字节，超出 5 MiB 上限 / file is 5242881 bytes; the limit is 5242880 bytes (5 MiB)',
    );
  });

  it('refuses an oversized text by its length alone, before reading a character of it', () => {
    // Not base64 anywhere, yet the answer is the size: the letters of a text over the limit are never scanned.
    expect(evidenceBase64Problem('!'.repeat(8 * 1024 * 1024))).toMatch(/file is 6291456 bytes/);
  });

  it('is the rule of AttachmentInput.contentBase64 (class-validator, as type-graphql runs it)', async () => {
    const input = (contentBase64: string) => Object.assign(new AttachmentInput(), { name: 'a.pdf', contentType: 'application/pdf', contentBase64 });
    expect(await validate(input('QUJD'))).toEqual([]);
    const [tooBig] = await validate(input(Buffer.alloc(MAX_ATTACHMENT_BYTES + 1).toString('base64')));
    expect(tooBig.property).toBe('contentBase64');
    expect(Object.values(tooBig.constraints!)).toEqual([expect.stringContaining('5242881 bytes')]);
    const [notBase64] = await validate(input('QUJD!'));
    expect(Object.values(notBase64.constraints!)).toEqual([expect.stringMatching(/must be base64/)]);
  });
});
