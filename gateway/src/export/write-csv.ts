import { once } from 'node:events';
import type { Writable } from 'node:stream';
import { finished } from 'node:stream/promises';
import { stringify } from 'csv-stringify';
import type { CellValue, ExportColumn } from './export-list';

/**
 * CSV with a byte-order mark: Excel opens a BOM-less UTF-8 file as the local code page and
 * garbles the Chinese headers. Rows are written as they arrive, honouring back-pressure.
 */
export async function writeCsv<Row>(out: Writable, columns: ExportColumn<Row>[], rows: AsyncIterable<Row>): Promise<void> {
  const csv = stringify({ bom: true, header: true, columns: columns.map((column) => column.header), cast: { boolean: (value) => String(value) } });
  csv.pipe(out);
  for await (const row of rows) {
    const record: CellValue[] = columns.map((column) => column.value(row));
    if (!csv.write(record)) await once(csv, 'drain');
  }
  csv.end();
  await finished(out);
}
