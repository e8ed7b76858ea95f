import type { Phase } from './types.js';

/** Banned readers are refused; suspended ones until their suspension ends (no end date: until lifted). */
export const readerStatus: Phase = {
  name: 'reader-status',
  content: false,
  run({ candidate, context }) {
    const { status, suspendedUntil } = candidate.author;
    if (status === 'banned') {
      return { decision: 'reject', reasons: [{ code: 'READER_BANNED', message: 'This reader is banned from commenting.' }] };
    }
    if (status === 'suspended' && (suspendedUntil === null || Date.parse(suspendedUntil) > context.now.getTime())) {
      const until = suspendedUntil ? ` until ${suspendedUntil}` : '';
      return { decision: 'reject', reasons: [{ code: 'READER_SUSPENDED', message: `This reader is suspended${until}.` }] };
    }
    return undefined;
  },
};
