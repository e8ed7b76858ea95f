import { describe, expect, it } from 'vitest';
import { candidateWith, contextWith, minutesAgo, phaseInput } from '../testing.js';
import { flood } from './flood.js';

const posts = (count: number, minutes: number) =>
  Array.from({ length: count }, (_, i) => ({ text: `comment ${i}`, createdAt: minutesAgo(minutes) }));

describe('flood phase', () => {
  const context = contextWith({ floodCount: 3, floodWindowSeconds: 60 });

  it('holds the comment that goes over N posts in M seconds', () => {
    const result = flood.run(phaseInput(candidateWith({ author: { recent: posts(3, 0.5) } }), context));
    expect(result).toMatchObject({ decision: 'hold', reasons: [{ code: 'FLOOD' }] });
  });

  it('passes up to N posts in the window', () => {
    expect(flood.run(phaseInput(candidateWith({ author: { recent: posts(2, 0.5) } }), context))).toBeUndefined();
  });

  it('does not count posts older than the window', () => {
    expect(flood.run(phaseInput(candidateWith({ author: { recent: posts(10, 2) } }), context))).toBeUndefined();
  });
});
