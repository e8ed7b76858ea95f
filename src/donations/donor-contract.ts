/** Transport of the donor's own page (`/donate/manage/*`): request and JSON response schemas. */
const text = (maxLength: number) => ({ type: 'string', maxLength }) as const;
const csrf = text(200);
/** The signed link's token (see donor-links.ts); checked by signature, bounded here. */
const token = text(600);

export const donorPageQuery = { type: 'object', additionalProperties: false, properties: { token, notice: text(20) } } as const;
export const statementQuery = { type: 'object', additionalProperties: false, properties: { token, year: text(8), _csrf: csrf } } as const;
export const giftParams = { type: 'object', required: ['id'], properties: { id: { type: 'string', minLength: 1, maxLength: 64 } } } as const;

export const donorBody = { type: 'object', properties: { _csrf: csrf, token, when: text(20) } } as const;
export const donorLinkBody = { type: 'object', properties: { _csrf: csrf, email: text(400) } } as const;
export const amountBody = {
  type: 'object',
  properties: { _csrf: csrf, token, amount: { type: ['string', 'number'], maxLength: 64, minimum: 0, maximum: Number.MAX_SAFE_INTEGER } },
} as const;
export const wallChoiceBody = { type: 'object', properties: { _csrf: csrf, token, show: { type: ['string', 'boolean', 'integer'], maxLength: 5 }, publicName: text(400) } } as const;
export const statementBody = { type: 'object', properties: { _csrf: csrf, token, year: { type: ['string', 'integer'], maxLength: 8 } } } as const;

export const monthlyGiftResponse = {
  type: 'object',
  additionalProperties: false,
  required: ['ok', 'amountMinor', 'status', 'paused'],
  properties: { ok: { type: 'boolean' }, amountMinor: { type: 'integer' }, status: { type: 'string' }, paused: { type: 'boolean' }, cancelAt: { type: 'string' } },
} as const;
export const portalResponse = { type: 'object', additionalProperties: false, required: ['url'], properties: { url: { type: 'string' } } } as const;
