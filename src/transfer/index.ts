export { importDisqus } from './disqus/import.js';
export { importWordPress } from './wordpress/import.js';
export { exportDatabase, type ExportSummary } from './export/write.js';
export { restoreDatabase, RestoreError, type RestoreSummary } from './export/restore.js';
export { ImportReport, type ImportSummary } from './report.js';
export { readerDataRoutes, type ReaderDataRoutesOptions } from './reader-routes.js';
export { collectReaderData, deleteReader, type ReaderDonations } from './reader-rights.js';
export { transferErrors } from './errors.js';
export type { ImportFileOptions, TransferDeps } from './types.js';
