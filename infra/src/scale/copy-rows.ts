import { Readable } from 'node:stream';
import { pipeline } from 'node:stream/promises';
import type { Client } from 'pg';
import { from as copyFrom } from 'pg-copy-streams';
import type { CopyValue, TableLoad } from './scale-data';

/** COPY's text format: tab-separated, `\N` for null, backslash escapes for the separators. */
function field(value: CopyValue): string {
  if (value === null) return '\\N';
  if (typeof value === 'boolean') return value ? 't' : 'f';
  if (typeof value === 'number') return String(value);
  return value.replace(/[\\\t\n\r]/g, (c) => (c === '\\' ? '\\\\' : c === '\t' ? '\\t' : c === '\n' ? '\\n' : '\\r'));
}

const ROWS_PER_CHUNK = 2000;

/** Streams a table's rows into PostgreSQL with one COPY; `onRows` reports progress per chunk. */
export async function copyRows(client: Client, load: TableLoad, onRows: (rows: number) => void): Promise<void> {
  const columns = load.columns.map((column) => `"${column}"`).join(', ');
  const target = client.query(copyFrom(`copy "${load.table}" (${columns}) from stdin`));
  function* chunks(): Generator<string> {
    let lines: string[] = [];
    for (const row of load.rows()) {
      if (row.length !== load.columns.length) throw new Error(`${load.table}: ${row.length} values for ${load.columns.length} columns`);
      lines.push(row.map(field).join('\t'));
      if (lines.length === ROWS_PER_CHUNK) {
        onRows(lines.length);
        yield `${lines.join('\n')}\n`;
        lines = [];
      }
    }
    if (lines.length) {
      onRows(lines.length);
      yield `${lines.join('\n')}\n`;
    }
  }
  await pipeline(Readable.from(chunks()), target);
}
