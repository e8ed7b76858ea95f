import type { DonationDrivesTable } from '../db/schema.js';
import type { Selectable } from 'kysely';
import { formatMoney, type MoneyFormat } from './money.js';
import { daysLeft, driveWindow } from './period.js';

export type Drive = Selectable<DonationDrivesTable>;

export interface DriveTotals {
  /** Signed sum of the counted ledger entries, minor units. */
  raisedMinor: number;
  /** Distinct gifts with a counted payment in the window. */
  donors: number;
}

export interface MeterTick {
  minor: number;
  label: string;
}

/** Everything a meter shows, computed once and drawn by the server, the JSON API and the live script. */
export interface Meter {
  driveId: string;
  title: string;
  cta: string;
  currency: string;
  period: Drive['period'];
  goalMinor: number;
  raisedMinor: number;
  donors: number;
  /** raised ÷ goal in whole percent, rounded down and not capped (120 when the goal is passed by a fifth). */
  percent: number;
  /** Bar width in percent with one decimal, 0–100. */
  fill: number;
  ticks: [MeterTick, MeterTick, MeterTick];
  raisedLabel: string;
  goalLabel: string;
  donorsLabel: string;
  daysLeft: number | null;
  daysLeftLabel: string | null;
  window: { start: string | null; end: string | null };
  /** One sentence for screen readers and the bar's aria-valuetext. */
  summary: string;
}

/** Integer ratio rounded down, exact even when raised × scale passes 2^53. */
function ratio(raised: number, goal: number, scale: number): number {
  if (goal <= 0) return 0;
  return Number((BigInt(raised) * BigInt(scale)) / BigInt(goal));
}

export function buildMeter(drive: Drive, totals: DriveTotals, now: Date, timeZone: string, format: MoneyFormat): Meter {
  const money = (minor: number) => formatMoney(minor, drive.currency, format);
  const window = driveWindow(drive, now, timeZone);
  const left = daysLeft(window, now);
  const goal = drive.goal_minor;
  const raised = totals.raisedMinor;
  const percent = raised <= 0 ? 0 : ratio(raised, goal, 100);
  const fill = raised <= 0 ? 0 : Math.min(1000, ratio(raised, goal, 1000)) / 10;
  const half = Math.floor(goal / 2);
  const raisedLabel = money(raised);
  const goalLabel = money(goal);
  const donorsLabel = `${totals.donors.toLocaleString(format.locale || 'en-US')} ${totals.donors === 1 ? 'donor' : 'donors'}`;
  const daysLeftLabel = left === null ? null : left === 0 ? 'ended' : left === 1 ? 'last day' : `${left} days left`;
  return {
    driveId: drive.id,
    title: drive.title,
    cta: drive.cta,
    currency: drive.currency,
    period: drive.period,
    goalMinor: goal,
    raisedMinor: raised,
    donors: totals.donors,
    percent,
    fill,
    ticks: [
      { minor: 0, label: money(0) },
      { minor: half, label: money(half) },
      { minor: goal, label: goalLabel },
    ],
    raisedLabel,
    goalLabel,
    donorsLabel,
    daysLeft: left,
    daysLeftLabel,
    window: { start: window.start?.toISOString() ?? null, end: window.end?.toISOString() ?? null },
    summary: `${raisedLabel} raised of ${goalLabel} (${percent}%), ${donorsLabel}${daysLeftLabel ? `, ${daysLeftLabel}` : ''}`,
  };
}
