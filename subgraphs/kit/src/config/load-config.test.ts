import { z } from 'zod';
import { ConfigError, loadConfig, portSchema, postgresUrlSchema } from './load-config';

const schema = z.object({ PORT: portSchema, DATABASE_URL: postgresUrlSchema });

describe('configuration', () => {
  it('parses a valid environment', () => {
    expect(loadConfig('svc', schema, { PORT: '4001', DATABASE_URL: 'postgres://h/db' })).toEqual({
      PORT: 4001,
      DATABASE_URL: 'postgres://h/db',
    });
  });

  it('fails fast naming every bad variable', () => {
    expect(() => loadConfig('svc', schema, { PORT: 'eighty', DATABASE_URL: 'mysql://h/db' })).toThrow(ConfigError);
    try {
      loadConfig('svc', schema, { PORT: '70000' });
    } catch (error) {
      expect((error as Error).message).toMatch(/Invalid configuration for svc/);
      expect((error as Error).message).toMatch(/PORT:/);
      expect((error as Error).message).toMatch(/DATABASE_URL:/);
    }
    expect.assertions(4);
  });
});
