import type { Row } from '../db/schema.js';
import { newId } from '../db/ids.js';
import { DRIVES_CHANNEL, driveChannel, type DonationsContext } from './context.js';
import * as queries from './drive-queries.js';
import { donationErrors } from './errors.js';
import { optionalText } from './gifts.js';
import { parseMajorAmount } from './amount-input.js';
import { moneyFormatFor, normaliseCurrency, parseMinorAmount } from './money.js';
import { nextDay, parseZonedDate, safeTimeZone } from './period.js';

export const DEFAULT_CTA = 'Do you like this content? Consider helping us!';

/** The admin form (major-unit goal, dates in the site's zone) or JSON (`goalMinor`). */
export interface DriveInput {
  title?: unknown;
  cta?: unknown;
  goal?: unknown;
  goalMinor?: unknown;
  currency?: unknown;
  period?: unknown;
  startsOn?: unknown;
  endsOn?: unknown;
  countRenewals?: unknown;
  subtractRefunds?: unknown;
  makeCurrent?: unknown;
}

/** The columns a drive form sets; `id` and `is_current` are the service's to manage. */
type DriveValues = Pick<Row<'donation_drives'>, 'title' | 'cta' | 'goal_minor' | 'currency' | 'period' | 'starts_at' | 'ends_at' | 'count_renewals' | 'subtract_refunds'>;

/** Checkboxes arrive as "on"/"1"/"true" or are absent; JSON sends booleans. */
function flag(value: unknown, fallback: boolean): boolean {
  if (value === undefined) return fallback;
  if (Array.isArray(value)) return value.some((v) => flag(v, false));
  return value === true || value === 'on' || value === '1' || value === 'true' || value === 1;
}

async function validate(ctx: DonationsContext, input: DriveInput, fromForm: boolean): Promise<DriveValues> {
  const settings = await ctx.settings.get();
  const zone = safeTimeZone(settings.site.timeZone);
  const title = optionalText(input.title, 'title', 200);
  if (!title) throw donationErrors.raise('DRIVE_INVALID', 'The drive needs a title.', 'title');
  const cta = optionalText(input.cta, 'cta', 500) ?? DEFAULT_CTA;
  const currency = normaliseCurrency(input.currency ?? settings.donations.currency);
  const bounds = { minimum: 1, maximum: Number.MAX_SAFE_INTEGER };
  const goal =
    input.goalMinor !== undefined && input.goalMinor !== ''
      ? parseMinorAmount(input.goalMinor, bounds, 'goalMinor')
      : typeof input.goal === 'string' || typeof input.goal === 'number'
        ? parseMajorAmount(input.goal, currency, moneyFormatFor(settings).locale, bounds, 'goal')
        : undefined;
  if (goal === undefined) throw donationErrors.raise('DRIVE_INVALID', 'The drive needs a goal.', 'goal');
  const period = input.period ?? 'monthly';
  if (period !== 'monthly' && period !== 'fixed' && period !== 'open') {
    throw donationErrors.raise('DRIVE_INVALID', 'period must be monthly, fixed or open.', 'period');
  }
  const day = (value: unknown, field: string) => {
    const text = optionalText(value, field, 10);
    if (!text) return null;
    const date = parseZonedDate(text, zone);
    if (!date) throw donationErrors.raise('DRIVE_INVALID', `${field} must be a date as YYYY-MM-DD.`, field);
    return date;
  };
  const start = period === 'monthly' ? null : day(input.startsOn, 'startsOn');
  const lastDay = period === 'fixed' ? day(input.endsOn, 'endsOn') : null;
  if (period === 'fixed' && (!start || !lastDay)) throw donationErrors.raise('DRIVE_INVALID', 'A fixed drive needs a start and an end date.', start ? 'endsOn' : 'startsOn');
  // The end date is inclusive for people, so the window ends when the following day starts.
  const end = lastDay ? parseZonedDate(nextDay(String(input.endsOn).trim()), zone) : null;
  if (start && end && end <= start) throw donationErrors.raise('DRIVE_INVALID', 'The drive must end after it starts.', 'endsOn');
  return {
    title,
    cta,
    goal_minor: goal,
    currency,
    period,
    starts_at: start?.toISOString() ?? null,
    ends_at: end?.toISOString() ?? null,
    // An unchecked box is absent from a form post, so for forms absence means "off".
    count_renewals: flag(input.countRenewals, !fromForm) ? 1 : 0,
    subtract_refunds: flag(input.subtractRefunds, !fromForm) ? 1 : 0,
  };
}

export async function createDrive(ctx: DonationsContext, input: DriveInput, fromForm = false): Promise<string> {
  const values = await validate(ctx, input, fromForm);
  const time = ctx.now().toISOString();
  const id = newId(ctx.now());
  await queries.insertDrive(ctx.db, { id, ...values, is_current: 0, created_at: time, updated_at: time });
  const current = await queries.findCurrentDrive(ctx.db);
  if (!current || flag(input.makeCurrent, false)) await setCurrent(ctx, id);
  return id;
}

export async function editDrive(ctx: DonationsContext, id: string, input: DriveInput, fromForm = false): Promise<void> {
  if (!(await queries.findDrive(ctx.db, id))) throw donationErrors.raise('DRIVE_NOT_FOUND');
  const values = await validate(ctx, input, fromForm);
  await queries.updateDrive(ctx.db, id, { ...values, updated_at: ctx.now().toISOString() });
  ctx.totals.invalidate(id);
  await ctx.events.publish(driveChannel(id), { type: 'drive.updated', driveId: id });
}

/** One drive is current at a time: it is the one under every article and on /donate. */
export async function setCurrent(ctx: DonationsContext, id: string | null): Promise<void> {
  if (id && !(await queries.findDrive(ctx.db, id))) throw donationErrors.raise('DRIVE_NOT_FOUND');
  await queries.setCurrentDrive(ctx.db, id, ctx.now().toISOString());
  await ctx.events.publish(DRIVES_CHANNEL, { type: 'drive.current', driveId: id });
}

/** Only a drive nothing was given to may go; one with money keeps its history (make another current). */
export async function removeDrive(ctx: DonationsContext, id: string): Promise<void> {
  const drive = await queries.findDrive(ctx.db, id);
  if (!drive) throw donationErrors.raise('DRIVE_NOT_FOUND');
  if (await queries.driveHasLedger(ctx.db, id)) throw donationErrors.raise('DRIVE_HAS_LEDGER');
  await queries.deleteDrive(ctx.db, id);
  if (drive.is_current) await ctx.events.publish(DRIVES_CHANNEL, { type: 'drive.current', driveId: null });
}
