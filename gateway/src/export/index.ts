export { exportRouter } from './export-router';
export { EXPORT_LISTS } from './lists';
export type { ExportColumn, ExportList } from './export-list';
