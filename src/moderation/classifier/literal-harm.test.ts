import { describe, expect, it } from 'vitest';
import { worstScore } from './test-helpers.js';
import { harmsOnlyThings } from './literal-harm.js';
import { prepareText } from './prepare.js';
import { tokenize } from './tokens.js';

describe('harm that falls on creatures and things (round 14, assess time)', () => {
  it.each([
    'Anyone know a good pest control firm? We need to kill the rats in the loft before they chew the wiring',
    'The council wants to exterminate the pigeons in the square, which seems cruel.',
    // "them" stands for the slugs: the rules' threat finding is turned, not only the learned scores capped.
    'Slugs wiped out my hostas overnight. Beer traps it is, drown the lot of them.',
    'My tomatoes got blight so I ripped them all out and burned them before it spread to the spuds.',
  ])('publishes "%s"', (text) => {
    expect(harmsOnlyThings(tokenize(prepareText(text).canonical))).toBe(true);
    expect(worstScore(text)).toBeLessThan(0.5);
  });

  it.each([
    // A people or a person named anywhere keeps every reading: the metaphor, the aside, the order.
    'Those migrants breed like rats, kill the rats and the problem goes away.',
    'Kill the rats in the loft, and the landlord who let them in should be shot.',
    'Drown the lot of them, every last refugee on those boats.',
    'Gypsies are vermin, exterminate the pigeons and them with them.',
  ])('holds "%s"', (text) => {
    expect(harmsOnlyThings(tokenize(prepareText(text).canonical))).toBe(false);
    expect(worstScore(text)).toBeGreaterThanOrEqual(0.5);
  });
});
