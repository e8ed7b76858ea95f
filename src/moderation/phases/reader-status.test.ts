import { describe, expect, it } from 'vitest';
import { candidateWith, minutesAgo, phaseInput } from '../testing.js';
import { readerStatus } from './reader-status.js';

describe('reader-status phase', () => {
  it('rejects a banned reader', () => {
    const result = readerStatus.run(phaseInput(candidateWith({ author: { status: 'banned' } })));
    expect(result).toMatchObject({ decision: 'reject', reasons: [{ code: 'READER_BANNED' }] });
  });

  it('rejects a reader suspended until a time still to come', () => {
    const result = readerStatus.run(phaseInput(candidateWith({ author: { status: 'suspended', suspendedUntil: minutesAgo(-60) } })));
    expect(result).toMatchObject({ decision: 'reject', reasons: [{ code: 'READER_SUSPENDED' }] });
  });

  it('rejects a reader suspended with no end date', () => {
    const result = readerStatus.run(phaseInput(candidateWith({ author: { status: 'suspended', suspendedUntil: null } })));
    expect(result?.decision).toBe('reject');
  });

  it('lets a reader whose suspension has ended post again', () => {
    expect(readerStatus.run(phaseInput(candidateWith({ author: { status: 'suspended', suspendedUntil: minutesAgo(1) } })))).toBeUndefined();
  });

  it('passes an active reader', () => {
    expect(readerStatus.run(phaseInput())).toBeUndefined();
  });
});
