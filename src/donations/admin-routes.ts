import type { JsonSchemaToTsProvider } from '@fastify/type-provider-json-schema-to-ts';
import type { FastifyPluginAsync, FastifyReply, FastifyRequest } from 'fastify';
import { csrfToken, requireRole } from '../accounts/index.js';
import { AppError } from '../errors.js';
import { adminPage } from '../web/admin-layout.js';
import type { Html } from '../web/html.js';
import { ledgerBody, ledgerFilter, parseCursor } from './admin-ledger.js';
import { driveEditBody, drivesBody, overviewBody, periodLabel, type DriveTotalsView } from './admin-pages.js';
import { parseDonationSettings, settingsBody } from './admin-settings.js';
import { totalsPerDay } from './chart.js';
import { currentMeter, type DonationsContext } from './context.js';
import * as driveQueries from './drive-queries.js';
import { createDrive, editDrive, removeDrive, setCurrent } from './drives.js';
import { LEDGER_CSV_HEADER, ledgerCsvLine } from './csv.js';
import { csvLine } from '../web/csv.js';
import { donationErrors } from './errors.js';
import { recordManualEntry } from './gifts.js';
import { findDonation, listLedger, setWallHidden } from './ledger-queries.js';
import type { Drive } from './meter.js';
import { stylesheetLink } from './meter-view.js';
import { moneyFormatFor } from './money.js';
import {
  createdResponse, currentBody, driveBody, emptyBody, idParams, ledgerQuery, manualEntryBody, checkBodyBeforeSchema, noQuery, okResponse, savedQuery, settingsBody as settingsSchema, wallBody,
} from './schemas.js';
import { driveWindow, monthWindow, previousMonth, safeTimeZone, type DriveWindow } from './period.js';

const PAGE_SIZE = 50;
const HISTORY_MONTHS = 6;
const CHART_DAYS_OPEN = 31;

/** The days the overview chart shows: the month of a monthly drive, else the drive's last 31 days. */
function chartWindow(drive: Drive, now: Date, zone: string): { start: Date; end: Date } {
  if (drive.period === 'monthly') return monthWindow(now, zone);
  const window = driveWindow(drive, now, zone);
  const end = window.end ?? monthWindow(now, zone).end;
  const earliest = new Date(end.getTime() - CHART_DAYS_OPEN * 86_400_000);
  return { start: window.start && window.start > earliest ? window.start : earliest, end };
}

/** `/admin/donations/*`: admin only. Forms post back and redirect (303) so a reload never re-submits. */
export function adminRoutes(ctx: DonationsContext): FastifyPluginAsync {
  return async (plain) => {
    const app = plain.withTypeProvider<JsonSchemaToTsProvider>();
    app.addHook('preHandler', requireRole('admin'));
    app.addHook('preValidation', checkBodyBeforeSchema);

    async function render(request: FastifyRequest, reply: FastifyReply, title: string, body: (csrf: string) => Html | Promise<Html>) {
      const settings = await ctx.settings.get();
      const csrf = csrfToken(request, reply);
      const content = await body(csrf);
      const html = adminPage({ title, settings, viewer: request.viewer, csrf, body: content, section: 'donations', head: stylesheetLink() });
      return reply.type('text/html; charset=utf-8').header('cache-control', 'no-store').send(html.value);
    }

    app.get('/admin/donations', { schema: { querystring: noQuery } }, async (request, reply) => {
      const settings = await ctx.settings.get();
      const zone = safeTimeZone(settings.site.timeZone);
      const now = ctx.now();
      const drives = await driveQueries.listDrives(ctx.db);
      const views: DriveTotalsView[] = [];
      for (const drive of drives) {
        const windows: DriveWindow[] = [driveWindow(drive, now, zone)];
        while (drive.period === 'monthly' && windows.length < HISTORY_MONTHS) {
          const previous = previousMonth(windows[windows.length - 1], zone);
          // Months before the drive existed have nothing to show.
          if (!previous?.end || previous.end <= new Date(drive.created_at)) break;
          windows.push(previous);
        }
        const periods = [];
        for (const window of windows) {
          periods.push({ label: periodLabel(drive, window, settings), window, totals: await driveQueries.windowBreakdown(ctx.db, drive.id, drive.currency, window) });
        }
        views.push({ drive, periods });
      }
      const meter = await currentMeter(ctx, settings);
      const current = drives.find((d) => d.is_current);
      let days = null;
      if (current) {
        const window = chartWindow(current, now, zone);
        days = totalsPerDay(await driveQueries.windowEntries(ctx.db, current, window), window, zone);
      }
      return render(request, reply, 'Donations', () => overviewBody({ settings, meter, days, drives: views }));
    });

    app.get('/admin/donations/drives', { schema: { querystring: noQuery } }, async (request, reply) => {
      const settings = await ctx.settings.get();
      const drives = await driveQueries.listDrives(ctx.db);
      return render(request, reply, 'Donation drives', (csrf) => drivesBody({ settings, drives, csrf }));
    });

    const fromForm = (request: FastifyRequest) => !(request.headers['content-type'] ?? '').startsWith('application/json');

    app.post('/admin/donations/drives', { schema: { body: driveBody, response: { 201: createdResponse } } }, async (request, reply) => {
      const id = await createDrive(ctx, request.body, fromForm(request));
      return fromForm(request) ? reply.redirect(`/admin/donations/drives/${id}`, 303) : reply.code(201).send({ id });
    });

    app.get('/admin/donations/drives/:id', { schema: { params: idParams, querystring: noQuery } }, async (request, reply) => {
      const drive = await driveQueries.findDrive(ctx.db, request.params.id);
      if (!drive) throw donationErrors.raise('DRIVE_NOT_FOUND');
      const settings = await ctx.settings.get();
      const hasLedger = await driveQueries.driveHasLedger(ctx.db, drive.id);
      return render(request, reply, drive.title, (csrf) => driveEditBody({ settings, csrf, drive, hasLedger }));
    });

    app.post('/admin/donations/drives/:id', { schema: { params: idParams, body: driveBody, response: { 200: okResponse } } }, async (request, reply) => {
      await editDrive(ctx, request.params.id, request.body, fromForm(request));
      return fromForm(request) ? reply.redirect('/admin/donations/drives', 303) : { ok: true };
    });

    app.post('/admin/donations/drives/:id/current', { schema: { params: idParams, body: currentBody, response: { 200: okResponse } } }, async (request, reply) => {
      const off = request.body.current === '0' || request.body.current === false;
      if (off) {
        const drive = await driveQueries.findDrive(ctx.db, request.params.id);
        if (!drive) throw donationErrors.raise('DRIVE_NOT_FOUND');
        if (drive.is_current) await setCurrent(ctx, null);
      } else await setCurrent(ctx, request.params.id);
      return fromForm(request) ? reply.redirect('/admin/donations/drives', 303) : { ok: true };
    });

    app.post('/admin/donations/drives/:id/delete', { schema: { params: idParams, body: emptyBody, response: { 200: okResponse } } }, async (request, reply) => {
      await removeDrive(ctx, request.params.id);
      return fromForm(request) ? reply.redirect('/admin/donations/drives', 303) : { ok: true };
    });

    app.get('/admin/donations/ledger', { schema: { querystring: ledgerQuery } }, async (request, reply) => {
      const settings = await ctx.settings.get();
      const { recorded, ...query } = request.query;
      const rows = await listLedger(ctx.db, ledgerFilter(query, settings.site.timeZone), { limit: PAGE_SIZE + 1, before: parseCursor(query.before) });
      const drives = await driveQueries.listDrives(ctx.db);
      return render(request, reply, 'Ledger', (csrf) =>
        ledgerBody({
          settings,
          csrf,
          query,
          rows: rows.slice(0, PAGE_SIZE),
          hasMore: rows.length > PAGE_SIZE,
          drives,
          now: ctx.now(),
          notice: recorded ? 'Entry recorded.' : undefined,
        }),
      );
    });

    /** Streams every matching entry in pages, so a large ledger never sits in memory at once. */
    app.get('/admin/donations/ledger.csv', { schema: { querystring: ledgerQuery } }, async (request, reply) => {
      const settings = await ctx.settings.get();
      const filter = ledgerFilter(request.query, settings.site.timeZone);
      const stamp = ctx.now().toISOString().slice(0, 10);
      reply.header('content-type', 'text/csv; charset=utf-8');
      reply.header('content-disposition', `attachment; filename="donations-ledger-${stamp}.csv"`);
      let csv = csvLine(LEDGER_CSV_HEADER);
      let before: { at: string; id: string } | undefined;
      for (;;) {
        const rows = await listLedger(ctx.db, filter, { limit: 500, before });
        for (const row of rows) csv += ledgerCsvLine(row);
        if (rows.length < 500) break;
        const last = rows[rows.length - 1];
        before = { at: last.occurred_at, id: last.id };
      }
      return reply.send(csv);
    });

    app.post('/admin/donations/ledger', { schema: { body: manualEntryBody } }, async (request, reply) => {
      const result = await recordManualEntry(ctx, request.body, request.viewer!.id);
      return fromForm(request) ? reply.redirect('/admin/donations/ledger?recorded=1', 303) : reply.code(201).send(result);
    });

    app.post('/admin/donations/donations/:id/wall', { schema: { params: idParams, body: wallBody, response: { 200: okResponse } } }, async (request, reply) => {
      const donation = await findDonation(ctx.db, request.params.id);
      if (!donation) throw donationErrors.raise('DONATION_NOT_FOUND');
      await setWallHidden(ctx.db, donation.id, request.body.hidden === '1' || request.body.hidden === true);
      return fromForm(request) ? reply.redirect('/admin/donations/ledger', 303) : { ok: true };
    });

    app.get('/admin/donations/settings', { schema: { querystring: savedQuery } }, async (request, reply) => {
      const settings = await ctx.settings.get();
      return render(request, reply, 'Donation settings', (csrf) => settingsBody({ settings, csrf, saved: request.query.saved === '1' }));
    });

    // No response schema: a form's error is the page again, with the error's status.
    app.post('/admin/donations/settings', { schema: { body: settingsSchema } }, async (request, reply) => {
      try {
        await ctx.settings.update('donations', parseDonationSettings(request.body, moneyFormatFor(await ctx.settings.get()).locale));
      } catch (error) {
        if (!(error instanceof AppError) || !fromForm(request)) throw error;
        reply.code(error.status);
        const settings = await ctx.settings.get();
        return render(request, reply, 'Donation settings', (csrf) => settingsBody({ settings, csrf, error: { message: error.message, field: error.field } }));
      }
      return fromForm(request) ? reply.redirect('/admin/donations/settings?saved=1', 303) : { ok: true };
    });
  };
}
