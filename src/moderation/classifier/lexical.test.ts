import { describe, expect, it } from 'vitest';
import { lexicalFeatures } from './lexical.js';
import { analyse } from './rules.js';
import { tokenize } from './tokens.js';

const names = (text: string, hints = { slurs: 0, profanity: 0 }) => {
  const tokens = tokenize(text.toLowerCase());
  return new Map(lexicalFeatures(tokens, analyse(tokens), hints));
};

describe('dense lexical features', () => {
  it('pairs a group with a negative word near it, in the same sentence', () => {
    expect(names('Immigrants are lazy and dishonest.').has('p:group~neg')).toBe(true);
    expect(names('Immigrants arrived. The weather was awful and the trains were lazy.').has('p:group~neg')).toBe(false);
  });

  it('keeps negated and quoted attacks apart from plain ones', () => {
    const negated = names('Immigrants are not lazy.');
    expect(negated.has('p:group~neg:neg')).toBe(true);
    expect(negated.has('p:group~neg')).toBe(false);
    expect(names('He wrote "refugees are vermin" on the wall.').has('p:group~dehum:q')).toBe(true);
  });

  it('aims insults at "you" and dehumanising words at "they"', () => {
    expect(names('You are a pathetic idiot.').has('p:you~insult')).toBe(true);
    expect(names('They are vermin, all of them.').has('p:they~dehum')).toBe(true);
  });

  it('reads no attack in a longer noun or a state, and "sick of" as weariness, not an attribute', () => {
    expect(names('Women are cancer survivors.').has('p:group~dehum')).toBe(false);
    expect(names('Refugees are a cancer.').has('p:group~dehum')).toBe(true);
    expect(names('Women are worst affected by the cuts.').has('p:group~neg')).toBe(false);
    const weary = names('Ukrainians are sick of war.');
    expect(weary.has('p:group~neg')).toBe(false);
    expect(weary.has('p:group~fedup')).toBe(true);
    expect(names('Gays are sick.').has('p:group~neg')).toBe(true);
  });

  it('counts word classes on a log scale that does not shrink with length', () => {
    const short = names('idiot').get('n:insult');
    const long = names(`idiot ${'and the council met on tuesday '.repeat(20)}`).get('n:insult');
    expect(short).toBe(1);
    expect(long).toBe(1);
    expect(names('idiot idiot idiot').get('n:insult')).toBe(2);
  });
});
