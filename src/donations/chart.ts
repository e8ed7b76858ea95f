import { html, type Html } from '../web/html.js';
import { formatMoney, type MoneyFormat } from './money.js';
import { zonedDate, zonedDays } from './period.js';

export interface DayTotal {
  day: string;
  amountMinor: number;
}

/** Sums entries per calendar day in the site's zone; every day of the window appears, empty ones as 0. */
export function totalsPerDay(
  entries: { occurred_at: string; amount_minor: number }[],
  window: { start: Date; end: Date },
  timeZone: string,
): DayTotal[] {
  const totals = new Map(zonedDays(window, timeZone).map((day) => [day, 0]));
  for (const entry of entries) {
    const day = zonedDate(new Date(entry.occurred_at), timeZone);
    if (totals.has(day)) totals.set(day, (totals.get(day) ?? 0) + entry.amount_minor);
  }
  return [...totals].map(([day, amountMinor]) => ({ day, amountMinor }));
}

const BAR = 14;
const GAP = 4;
const HEIGHT = 120;

/**
 * Donations per day as server-drawn SVG bars (net of refunds; a day that refunded more than it received
 * dips below the line), with the figures repeated in a table for screen readers and exact reading.
 */
export function dailyChart(days: DayTotal[], currency: string, format: MoneyFormat, caption: string): Html {
  const max = Math.max(1, ...days.map((d) => Math.abs(d.amountMinor)));
  const hasNegative = days.some((d) => d.amountMinor < 0);
  const baseline = hasNegative ? HEIGHT / 2 : HEIGHT;
  const scale = baseline / max;
  const width = Math.max(1, days.length) * (BAR + GAP);
  const label = (d: DayTotal) => `${d.day}: ${formatMoney(d.amountMinor, currency, format)}`;
  return html`<figure class="donation-chart">
  <svg viewBox="0 0 ${width} ${HEIGHT + 16}" role="img" aria-label="${caption}" preserveAspectRatio="none" class="donation-chart__svg">
    <line x1="0" x2="${width}" y1="${baseline}" y2="${baseline}" class="donation-chart__axis"/>
    ${days.map((d, i) => {
      const h = Math.round(Math.abs(d.amountMinor) * scale * 10) / 10;
      const y = d.amountMinor >= 0 ? baseline - h : baseline;
      const x = i * (BAR + GAP);
      return html`<rect x="${x}" y="${y}" width="${BAR}" height="${h}" class="donation-chart__bar${d.amountMinor < 0 ? ' donation-chart__bar--negative' : ''}"><title>${label(d)}</title></rect>${
        i % 7 === 0 ? html`<text x="${x}" y="${HEIGHT + 13}" class="donation-chart__label">${d.day.slice(8)}</text>` : ''
      }`;
    })}
  </svg>
  <figcaption>${caption}</figcaption>
  <details><summary>Figures per day</summary>
    <table><thead><tr><th scope="col">Day</th><th scope="col">Net</th></tr></thead>
    <tbody>${days.filter((d) => d.amountMinor !== 0).map((d) => html`<tr><td>${d.day}</td><td class="money">${formatMoney(d.amountMinor, currency, format)}</td></tr>`)}</tbody></table>
  </details>
</figure>`;
}
