// The donations domain's public contract: its routes' schemas (schemas.ts), the events it publishes,
// and its error codes.
import type { FromSchema } from 'json-schema-to-ts';
import type { Assert, Covers } from '../contract-types.js';
import type { Meter } from './meter.js';

export * from './schemas.js';
export { donationErrors } from './errors.js';

const text = { type: 'string' } as const;
const textOrNull = { type: ['string', 'null'] } as const;
const tick = { type: 'object', additionalProperties: false, required: ['minor', 'label'], properties: { minor: { type: 'integer' }, label: text } } as const;

/** `GET /api/drives/current`, and the meter on the live streams: the figures meter.js and the widget draw. */
export const meterResponse = {
  type: 'object',
  additionalProperties: false,
  required: [
    'driveId', 'title', 'cta', 'currency', 'period', 'goalMinor', 'raisedMinor', 'donors', 'percent', 'fill', 'ticks',
    'raisedLabel', 'goalLabel', 'donorsLabel', 'daysLeft', 'daysLeftLabel', 'window', 'summary', 'donateUrl',
  ],
  properties: {
    driveId: text,
    title: text,
    cta: text,
    currency: text,
    period: { type: 'string', enum: ['monthly', 'fixed', 'open'] },
    goalMinor: { type: 'integer' },
    raisedMinor: { type: 'integer' },
    donors: { type: 'integer' },
    percent: { type: 'integer' },
    fill: { type: 'number' },
    ticks: { type: 'array', minItems: 3, maxItems: 3, items: tick },
    raisedLabel: text,
    goalLabel: text,
    donorsLabel: text,
    daysLeft: { type: ['integer', 'null'] },
    daysLeftLabel: textOrNull,
    window: { type: 'object', additionalProperties: false, required: ['start', 'end'], properties: { start: textOrNull, end: textOrNull } },
    summary: text,
    donateUrl: text,
  },
} as const;
export type MeterJson = FromSchema<typeof meterResponse>;
export type MeterJsonChecked = Assert<Covers<Meter & { donateUrl: string }, MeterJson>>;

/** On a drive's channel (`drive:ID`): its totals or its settings changed, so its meters redraw. */
export type DriveEvent = { type: 'donations.changed' | 'drive.updated'; driveId: string };

/** On the `drives` channel: which drive is current changed (null: none is). */
export type CurrentDriveEvent = { type: 'drive.current'; driveId: string | null };

/** On a live stream (`/api/live?meter=1`, `/api/drives/current/live`): the current drive's meter, or none. */
export type MeterEvent = { type: 'meter'; meter: MeterJson | null };
