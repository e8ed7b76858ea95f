import { describe, expect, it } from 'vitest';
import { candidateWith, phaseInput } from '../testing.js';
import { staff } from './staff.js';

describe('staff phase', () => {
  it.each(['moderator', 'editor', 'admin'] as const)('publishes a comment by a %s', (role) => {
    const result = staff.run(phaseInput(candidateWith({ author: { role } })));
    expect(result).toMatchObject({ decision: 'publish', reasons: [{ code: 'STAFF' }] });
  });

  it.each(['reader', 'guest'] as const)('does not decide for a %s', (role) => {
    expect(staff.run(phaseInput(candidateWith({ author: { role } })))).toBeUndefined();
  });
});
