import type { LedgerRow } from './ledger-queries.js';
import { minorToDecimal } from './money.js';

const NUMBER = /^-?\d+(\.\d+)?$/;
/** Characters that make a spreadsheet treat a cell as a formula (CSV injection). */
const FORMULA_START = /^[=+\-@\t\r]/;

/** One CSV cell: quoted, quotes doubled, and text that a spreadsheet would run as a formula defused. */
export function csvCell(value: string | number | null | undefined): string {
  if (value === null || value === undefined) return '';
  let text = String(value);
  if (typeof value !== 'number' && !NUMBER.test(text) && FORMULA_START.test(text)) text = `'${text}`;
  return /[",\r\n]/.test(text) || text !== text.trim() ? `"${text.replace(/"/g, '""')}"` : text;
}

export function csvLine(values: (string | number | null | undefined)[]): string {
  return values.map(csvCell).join(',') + '\r\n';
}

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
