import { z } from 'zod';
import { jsonText } from './json-text';

describe('configuration given as JSON text', () => {
  const keySchema = z.string().transform(jsonText<{ kty: string }>('a JSON Web Key'));

  it('parses it', () => {
    expect(keySchema.parse('{"kty":"EC"}')).toEqual({ kty: 'EC' });
  });

  it('refuses text that is not JSON, naming what was expected', () => {
    const result = keySchema.safeParse('{kty: EC');
    expect(result.success).toBe(false);
    expect(result.error?.issues.map((issue) => issue.message)).toEqual(['must be a JSON Web Key (JSON text)']);
  });
});
