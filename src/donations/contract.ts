// The donations domain's public contract: its routes' schemas (schemas.ts), the events it publishes,
// and its error codes.
export * from './schemas.js';
export { donationErrors } from './errors.js';

/** On a drive's channel (`drive:ID`): its totals or its settings changed, so its meters redraw. */
export type DriveEvent = { type: 'donations.changed' | 'drive.updated'; driveId: string };

/** On the `drives` channel: which drive is current changed (null: none is). */
export type CurrentDriveEvent = { type: 'drive.current'; driveId: string | null };

/** On a live stream (`/api/live?meter=1`, `/api/drives/current/live`): the current drive's meter, or none. */
export type MeterEvent = { type: 'meter'; meter: ReturnType<typeof import('./meter-view.js').meterJson> | null };
