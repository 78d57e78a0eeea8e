import type { Writable } from 'node:stream';
import { finished } from 'node:stream/promises';
import ExcelJS from 'exceljs';
import type { ExportColumn } from './export-list';

/**
 * XLSX through exceljs's streaming writer: each row is committed (flushed to the zip stream)
 * as soon as it is added, so memory holds one page of the list, not the whole sheet.
 */
export async function writeXlsx<Row>(out: Writable, title: string, columns: ExportColumn<Row>[], rows: AsyncIterable<Row>): Promise<void> {
  const workbook = new ExcelJS.stream.xlsx.WorkbookWriter({ stream: out, useSharedStrings: false, useStyles: true });
  const sheet = workbook.addWorksheet(title, { views: [{ state: 'frozen', ySplit: 1 }] });
  sheet.columns = columns.map((column, index) => ({ header: column.header, key: String(index), width: column.width ?? 12 }));
  sheet.getRow(1).font = { bold: true };
  for await (const row of rows) {
    sheet.addRow(columns.map((column) => column.value(row))).commit();
  }
  sheet.commit();
  await workbook.commit();
  await finished(out);
}
