import type { LedgerRow } from './ledger-queries.js';
import { minorToDecimal } from './money.js';
import { csvLine } from '../web/csv.js';

export const LEDGER_CSV_HEADER = [
  'occurred_at', 'drive', 'kind', 'provider', 'amount', 'currency', 'amount_minor', 'public_name', 'message', 'note',
  'article', 'frequency', 'status', 'provider_ref', 'entry_id',
];

export function ledgerCsvLine(row: LedgerRow): string {
  return csvLine([
    row.occurred_at, row.drive_title ?? row.drive_id, row.kind, row.provider, minorToDecimal(row.amount_minor, row.currency), row.currency,
    row.amount_minor, row.public_name, row.message, row.note, row.article_slug, row.frequency, row.status, row.provider_ref, row.id,
  ]);
}
