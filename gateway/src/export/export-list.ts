import { z } from 'zod';
import type { RunQuery } from './gateway-query';

export type CellValue = string | number | boolean | null;

export interface ExportColumn<Row> {
  /** 列名 The column header as the commission's tables name it (Chinese). */
  header: string;
  value(row: Row): CellValue;
  /** Width in characters for the XLSX sheet. */
  width?: number;
}

/**
 * One list that can be exported: its query parameters (validated; the bad one is named), its
 * columns, and its rows as an async sequence read page by page through the gateway.
 */
export interface ExportList<Params = unknown, Row = unknown> {
  name: string;
  /** 工作表名 Sheet name and file title. */
  title: string;
  params: z.ZodType<Params>;
  columns: ExportColumn<Row>[];
  rows(params: Params, run: RunQuery): AsyncIterable<Row>;
}

/** Keeps each list's own parameter and row types while the registry holds them side by side. */
export function defineExportList<Params, Row>(list: ExportList<Params, Row>): ExportList {
  return list as unknown as ExportList;
}

/** 行政区划代码: the city (120000), a district (1201xx) or a street-level division (9 digits). */
export const jurisdictionCode = z.string().regex(/^12(\d{4}|\d{7})$/, '应为天津市行政区划代码 / must be a Tianjin administrative code (6 or 9 digits)');

export function jurisdictionRoot(code: string): 'city' | 'district' | 'street' {
  if (code === '120000') return 'city';
  return code.length === 9 ? 'street' : 'district';
}

export const yesNo = (value: boolean): string => (value ? '是' : '否');
