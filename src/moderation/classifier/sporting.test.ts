import { describe, expect, it } from 'vitest';
import { worstScore } from './test-helpers.js';

describe('the sports pages\' violence (round 13, assess time)', () => {
  it.each([
    "We'll murder them on Saturday, their back four is made of cardboard.",
    'We got slaughtered 5-0 and the manager should go tonight.',
    'Our players were animals in the second half, in the best possible sense: relentless.',
  ])('publishes "%s"', (text) => {
    expect(worstScore(text)).toBeLessThan(0.5);
  });

  it.each([
    // Aimed at the referee, at a people or at fans, or with no sport talked of, it counts as anywhere else.
    "After that match someone should break the ref's legs.",
    'Their Polish fans should be shot after the match.',
    "We'll murder them on Saturday, every last one of those Somalis.",
  ])('holds "%s"', (text) => {
    expect(worstScore(text)).toBeGreaterThanOrEqual(0.5);
  });
});
