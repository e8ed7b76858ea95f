import { csvLine } from '../web/csv.js';
import type { Person } from './people.js';

export const MEMBERS_CSV_HEADER = ['email', 'name', 'account_status', 'subscriber_status', 'newsletters', 'donor_gifts', 'donor_monthly', 'donor_total_minor', 'donor_currency', 'last_gift_at', 'since'];

/** One person; totals per currency each on their own row would split a person, so several are joined by "; ". */
export function memberCsvLine(p: Person, newsletterNames: Map<string, string>): string {
  const totals = Object.entries(p.donor?.totals ?? {});
  return csvLine([
    p.email,
    p.name,
    p.account?.status ?? '',
    p.subscription?.status ?? '',
    p.subscription?.status === 'active' ? p.subscription.newsletterIds.map((id) => newsletterNames.get(id) ?? id).join('; ') : '',
    p.donor?.gifts ?? '',
    p.donor?.monthly ?? '',
    // Exact minor units (cents), as the ledger CSV: no rounding, whatever the currency's digits.
    totals.map(([, minor]) => minor).join('; '),
    totals.map(([currency]) => currency).join('; '),
    p.donor?.lastGiftAt ?? '',
    p.since,
  ]);
}
