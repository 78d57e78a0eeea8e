import { uuidv7 } from 'uuidv7';

/** Record keys are time-ordered UUIDs (v7): unique without coordination, and index-friendly. */
export function newId(): string {
  return uuidv7();
}

const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;

export function isUuid(value: string): boolean {
  return UUID.test(value);
}
