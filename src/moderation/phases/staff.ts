import type { Phase } from './types.js';

const STAFF = new Set(['moderator', 'editor', 'admin']);

export const staff: Phase = {
  name: 'staff',
  content: false,
  run({ candidate }) {
    if (!STAFF.has(candidate.author.role)) return undefined;
    return { decision: 'publish', reasons: [{ code: 'STAFF', message: `Posted by ${candidate.author.role}.` }] };
  },
};
