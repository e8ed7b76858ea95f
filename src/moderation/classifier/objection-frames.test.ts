import { describe, expect, it } from 'vitest';
import { objectsInOwnFrame } from './objection-frames.js';
import { analyse } from './rules.js';
import { tokenize } from './tokens.js';

const reads = (text: string) => objectsInOwnFrame(tokenize(text.toLowerCase()));

describe('counter-speech in the writer\'s own frame (round 11, read at assess time)', () => {
  it.each([
    // A condemned opening report; a belief given up; a trait denied; the speaker challenged.
    ['Blaming Roma for every burglary is lazy and cruel.', true],
    ['Blaming Roma for every burglary is just stating facts.', false],
    ['Accusing Jews of running the world is an old and ugly lie.', true],
    ['Accusing Jews of running the world is not a lie.', false],
    ['Blaming the referee for every defeat is lazy.', false],
    ['I used to think immigrants were lazy. Then I worked with them for ten years.', true],
    ['I used to think immigrants were lazy. Now I know they are parasites.', false],
    ['My dad used to think Mexicans were all criminals. He was right.', false],
    ['Nothing about trans women makes them a threat to anyone.', true],
    ['Nothing about trans women makes them less human, but they are vermin.', false],
    ['When someone says Somalis are savages, ask them how many Somalis they have met.', true],
    ['When someone says Somalis are savages, ask them why they are so polite about it, the animals.', false],
  ])('"%s" objects in its own frame: %s', (text, expected) => {
    expect(reads(text)).toBe(expected);
  });

  it('turns the text-level reading on only where no attack phrase was found', () => {
    expect(analyse(tokenize('blaming roma for every burglary is lazy and cruel.')).objection).toBe(true);
    // "Roma are thieves" is a finding of its own, read by the finding-level readings instead.
    const reported = analyse(tokenize('blaming roma, saying roma are thieves, is lazy and cruel. roma are thieves.'));
    expect(reported.findings.length).toBeGreaterThan(0);
    expect(reported.objection).toBe(false);
  });
});
