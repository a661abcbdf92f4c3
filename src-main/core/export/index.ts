/** The export engine and its pre-export check: what the api handlers call. */
export { runExport } from './run-export';
export { runningExportsDir, sweepAbandonedExports } from './export-records';
export { checkDataset } from './check-dataset';
export type { ExportSource } from './export-source';
