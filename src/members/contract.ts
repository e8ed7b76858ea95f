/** Transport of the members admin: every query it reads, bounded, so hostile input is a 400 first. */
const text = (maxLength: number) => ({ type: 'string', maxLength }) as const;

export const membersQuery = {
  type: 'object',
  additionalProperties: false,
  properties: {
    search: text(200),
    newsletter: text(64),
    donor: { type: 'string', enum: ['', 'donor', 'monthly', 'paused', 'cancelled', 'one-off', 'none'] },
    lastGift: { type: 'string', enum: ['', '30', '90', '365', 'older'] },
    kind: { type: 'string', enum: ['', 'reader', 'subscriber'] },
    page: { type: 'string', pattern: '^[0-9]{1,6}$' },
  },
} as const;

export const personQuery = {
  type: 'object',
  additionalProperties: false,
  properties: { email: text(254), user: text(64) },
} as const;
