import type { FastifyRequest } from 'fastify';
import type { FromSchema } from 'json-schema-to-ts';

/**
 * JSON Schemas of the donation routes: transport only. They fix the shape (an object, text or a number
 * in each field, sizes that bound the work) so hostile input is a 400 before any rule runs; the rules
 * and their friendly messages stay in gifts.ts, drives.ts and admin-settings.ts. Limits are above the
 * rules' own (a 501-character message is refused there, with the form re-drawn), and forms post only
 * text, so every field that JSON may send as a number or a boolean also takes text.
 */

/**
 * A hook for `preValidation`: a POST with no body at all (no content type, as from `curl -X POST` with
 * the CSRF header) is an empty form, as it was before these routes had schemas. (Numbers that overflowed
 * to Infinity are refused for every route by src/input-guard.ts.)
 */
export async function checkBodyBeforeSchema(request: FastifyRequest): Promise<void> {
  if (request.body === undefined && request.method !== 'GET' && request.method !== 'HEAD') request.body = {};
}

const text = (maxLength: number) => ({ type: 'string', maxLength }) as const;
/**
 * Text from a form or a number from JSON, each kept as it came: a type list (not anyOf) so Ajv's
 * coercion never turns "12,50" into anything or 12.5 into "12.5" (text is read in the site's locale,
 * numbers as written). Numbers are bounded because `1e309` parses to Infinity.
 */
const textOrNumber = (maxLength: number) =>
  ({ type: ['string', 'number'], maxLength, minimum: -Number.MAX_SAFE_INTEGER, maximum: Number.MAX_SAFE_INTEGER }) as const;
/** Minor units: digits as text from a form, a number from JSON. */
const amount = textOrNumber(40);
/** A checkbox: "on" from a form, a boolean or 0/1 from JSON. */
const flag = { type: ['boolean', 'integer', 'string'], maxLength: 10, minimum: 0, maximum: 1 } as const;
const csrf = text(200);

const object = <P extends Record<string, unknown>>(properties: P) => ({ type: 'object', properties: { _csrf: csrf, ...properties } }) as const;

/** `:id` of drives and donations: our ids are lower-case base 36; anything else can only be a 404. */
export const idParams = {
  type: 'object',
  required: ['id'],
  properties: { id: { type: 'string', minLength: 1, maxLength: 64 } },
} as const;

/** Routes that read no query: still a schema, so a list or a huge value anywhere is refused the same way. */
export const noQuery = { type: 'object', additionalProperties: text(2000) } as const;

export const giftBody = object({
  amount,
  customAmount: textOrNumber(64),
  currency: text(16),
  frequency: text(16),
  publicName: text(400),
  message: text(4000),
  article: text(200),
  email: text(400),
});

export type GiftBody = FromSchema<typeof giftBody>;

export const driveBody = object({
  title: text(1000),
  cta: text(2000),
  goal: textOrNumber(64),
  goalMinor: amount,
  currency: text(16),
  period: text(16),
  startsOn: text(40),
  endsOn: text(40),
  countRenewals: flag,
  subtractRefunds: flag,
  makeCurrent: flag,
});

export const currentBody = object({ current: flag });

export const wallBody = object({ hidden: flag });

/** Actions with nothing to say but the form's token. */
export const emptyBody = object({});

export const manualEntryBody = object({
  driveId: text(64),
  amount: textOrNumber(64),
  kind: text(16),
  occurredOn: text(40),
  publicName: text(400),
  note: text(4000),
  email: text(400),
});

export const settingsBody = object({
  currency: text(16),
  symbolPosition: text(16),
  locale: text(64),
  presetAmounts: text(1000),
  minimumAmount: textOrNumber(64),
  maximumAmount: textOrNumber(64),
  bankTransfer: text(10_000),
  cryptoAddresses: text(10_000),
  donorWall: flag,
  legalName: text(1000),
  legalAddress: text(2000),
  receiptText: text(12_000),
});

export const savedQuery = { type: 'object', properties: { saved: text(5) } } as const;

/** The ledger's filters (admin-ledger.ts reads them) and the notice after recording an entry. */
export const ledgerQuery = {
  type: 'object',
  properties: {
    drive: text(200), provider: text(200), kind: text(200), from: text(200), to: text(200), article: text(200), before: text(200), recorded: text(200),
  },
} as const;

export const okResponse = { type: 'object', additionalProperties: false, required: ['ok'], properties: { ok: { type: 'boolean' } } } as const;
export const createdResponse = { type: 'object', additionalProperties: false, required: ['id'], properties: { id: { type: 'string' } } } as const;
