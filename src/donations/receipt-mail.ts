import type { MailMessage } from '../mail/index.js';
import type { SiteSettings } from '../settings/index.js';
import { formatDate } from '../web/dates.js';
import { escapeHtml } from '../web/html.js';
import type { Donation, LedgerEntry } from './ledger-queries.js';
import { formatMoney, moneyFormatFor } from './money.js';
import { safeTimeZone } from './period.js';

/** Who receives the money, as receipts and statements print it. */
export function organisation(settings: SiteSettings): { name: string; addressLines: string[] } {
  const d = settings.donations;
  return { name: d.legalName.trim() || settings.site.name, addressLines: d.legalAddress.split('\n').map((line) => line.trim()).filter(Boolean) };
}

function siteDate(iso: string, settings: SiteSettings): string {
  return formatDate(iso, { locale: settings.site.locale, timeZone: safeTimeZone(settings.site.timeZone) });
}

function paragraphs(text: string): string[] {
  return text.split(/\n\s*\n/).map((p) => p.trim()).filter(Boolean);
}

/** A mail's HTML shell: one column, inline styles (mail clients drop style sheets), readable on a phone. */
export function mailDocument(title: string, inner: string): string {
  return `<!doctype html><html><head><meta charset="utf-8"><meta name="viewport" content="width=device-width, initial-scale=1"><title>${escapeHtml(title)}</title></head>
<body style="margin:0;padding:0;background:#f4f4f2"><div style="max-width:560px;margin:0 auto;padding:24px 16px;font:16px/1.5 Georgia,serif;color:#1a1a1a;background:#fff">${inner}</div></body></html>`;
}

function footerText(org: { name: string; addressLines: string[] }): string {
  return [org.name, ...org.addressLines].join('\n');
}

function footerHtml(org: { name: string; addressLines: string[] }): string {
  return `<p style="margin-top:32px;font-size:14px;color:#555">${[org.name, ...org.addressLines].map(escapeHtml).join('<br>')}</p>`;
}

export interface ReceiptData {
  settings: SiteSettings;
  donation: Donation;
  entry: LedgerEntry;
  to: string;
  /** A signed link to the donor's page. */
  manageUrl: string;
}

/** The receipt of one payment: what, when, the reference to quote, and who received it. */
export function receiptMail(data: ReceiptData): MailMessage {
  const { settings, donation, entry } = data;
  const org = organisation(settings);
  const amount = formatMoney(entry.amount_minor, entry.currency, moneyFormatFor(settings));
  const date = siteDate(entry.occurred_at, settings);
  const kind = entry.kind === 'renewal' ? 'Monthly gift (renewal)' : donation.frequency === 'monthly' ? 'Monthly gift (first payment)' : 'One-off gift';
  const demo = entry.provider === 'demo';
  const rows: [string, string][] = [
    ['Amount', amount],
    ['Date', date],
    ['Reference', entry.id],
    ['Gift', kind],
  ];
  const intro = paragraphs(settings.donations.receiptText);
  const demoNote = 'This was a gift on the demo site: no money moved.';
  const manage = donation.frequency === 'monthly' ? 'Change, pause or cancel your monthly gift, and get a yearly statement, on your donor page:' : 'Your gifts and a yearly statement are on your donor page:';
  const text = [
    `Receipt from ${org.name}`,
    '',
    ...intro.flatMap((p) => [p, '']),
    ...rows.map(([label, value]) => `${label}: ${value}`),
    ...(demo ? ['', demoNote] : []),
    '',
    manage,
    data.manageUrl,
    '',
    footerText(org),
    '',
  ].join('\n');
  const html = mailDocument(
    `Receipt from ${org.name}`,
    `<h1 style="font-size:22px;margin:0 0 16px">Receipt from ${escapeHtml(org.name)}</h1>
${intro.map((p) => `<p>${escapeHtml(p)}</p>`).join('\n')}
<table role="presentation" style="border-collapse:collapse;margin:16px 0">${rows
      .map(([label, value]) => `<tr><th scope="row" style="text-align:left;padding:4px 16px 4px 0;font-weight:normal;color:#555">${escapeHtml(label)}</th><td style="padding:4px 0"><strong>${escapeHtml(value)}</strong></td></tr>`)
      .join('')}</table>
${demo ? `<p><em>${escapeHtml(demoNote)}</em></p>` : ''}
<p>${escapeHtml(manage)} <a href="${escapeHtml(data.manageUrl)}">your donor page</a>.</p>
${footerHtml(org)}`,
  );
  return { to: data.to, subject: `Your receipt from ${org.name}: ${amount} on ${date}`, text, html };
}

export interface StatementData {
  settings: SiteSettings;
  year: number;
  to: string;
  entries: LedgerEntry[];
  manageUrl: string;
}

/** Every payment and refund of one calendar year (in the site's zone), with the total per currency. */
export function statementLines(data: Pick<StatementData, 'settings' | 'entries'>): { rows: { date: string; reference: string; kind: string; amount: string }[]; totals: string[] } {
  const format = moneyFormatFor(data.settings);
  const sums = new Map<string, number>();
  const rows = data.entries.map((entry) => {
    sums.set(entry.currency, (sums.get(entry.currency) ?? 0) + entry.amount_minor);
    return {
      date: siteDate(entry.occurred_at, data.settings),
      reference: entry.id,
      kind: entry.kind === 'refund' ? 'Refund' : entry.kind === 'renewal' ? 'Monthly gift' : 'Gift',
      amount: formatMoney(entry.amount_minor, entry.currency, format),
    };
  });
  return { rows, totals: [...sums].map(([currency, minor]) => formatMoney(minor, currency, format)) };
}

export function statementMail(data: StatementData): MailMessage {
  const org = organisation(data.settings);
  const { rows, totals } = statementLines(data);
  const title = `Your ${data.year} giving statement from ${org.name}`;
  const none = `No gifts were recorded for ${data.year}.`;
  const text = [
    title,
    '',
    ...(rows.length === 0 ? [none] : rows.map((row) => `${row.date}  ${row.kind}  ${row.amount}  (ref. ${row.reference})`)),
    ...(rows.length ? ['', `Total: ${totals.join(', ')}`] : []),
    '',
    `Printable version: ${data.manageUrl}`,
    '',
    footerText(org),
    '',
  ].join('\n');
  const table = rows.length === 0
    ? `<p>${escapeHtml(none)}</p>`
    : `<table style="border-collapse:collapse;width:100%"><thead><tr><th style="text-align:left">Date</th><th style="text-align:left">Gift</th><th style="text-align:right">Amount</th><th style="text-align:left;padding-left:12px">Reference</th></tr></thead><tbody>${rows
        .map((row) => `<tr><td>${escapeHtml(row.date)}</td><td>${escapeHtml(row.kind)}</td><td style="text-align:right">${escapeHtml(row.amount)}</td><td style="padding-left:12px;font-size:13px">${escapeHtml(row.reference)}</td></tr>`)
        .join('')}</tbody></table><p><strong>Total: ${escapeHtml(totals.join(', '))}</strong></p>`;
  const html = mailDocument(title, `<h1 style="font-size:22px">${escapeHtml(title)}</h1>${table}<p><a href="${escapeHtml(data.manageUrl)}">Printable version</a></p>${footerHtml(org)}`);
  return { to: data.to, subject: title, text, html };
}
