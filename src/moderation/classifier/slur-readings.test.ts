import { describe, expect, it } from 'vitest';
import { analyse } from './rules.js';
import { tokenize } from './tokens.js';

describe('slurs quoted to condemn them', () => {
  const countered = (text: string, slur: string) => analyse(tokenize(text.toLowerCase()), [slur]).slursCountered;

  it.each([
    ['He shouted "chink" at my daughter. Absolutely disgusting.', 'chink'],
    ['Using the word "fag" is never okay.', 'fag'],
    ['If you call someone a tranny you should be banned.', 'tranny'],
    ['When I was a kid they called me a paki every day. It still hurts.', 'paki'],
    ['The word nigger has no place in this comment section.', 'nigger'],
    ['Tranny is a slur. Please stop.', 'tranny'],
    ["The defendant admitted shouting 'dirty wogs' at the family.", 'wog'],
  ])('"%s" condemns it', (text, slur) => {
    expect(countered(text, slur)).toBe(true);
  });

  it.each([
    ['Those chinks are disgusting.', 'chink'],
    ['He called them "chinks" and he was right.', 'chink'],
    ['"Chinks" is what they are.', 'chink'],
    ['Those wogs should go home, they hurt our country.', 'wog'],
    ["Words like 'fag' are fine by me.", 'fag'],
    ['Call them what they are: niggers.', 'nigger'],
    ['Disgusting people like niggers.', 'nigger'],
  ])('"%s" uses it', (text, slur) => {
    expect(countered(text, slur)).toBe(false);
  });
});

describe('slurs only talked about or reported as someone else\'s (assess time, not a learned feature)', () => {
  const mentioned = (text: string, slur: string) => analyse(tokenize(text.toLowerCase()), [slur]).slursMentioned;

  it.each([
    ['The word "retard" was used as a joke for years; I am glad that has changed.', 'retard'],
    ['A man on the bus called my son a nigger. He is seven.', 'nigger'],
    ['Someone sprayed "kike" on the synagogue door last night.', 'kike'],
    ['They called my grandfather a kike at work every day.', 'kike'],
  ])('"%s" mentions it', (text, slur) => {
    expect(mentioned(text, slur)).toBe(true);
  });

  it.each([
    // The writer's own name for someone, a wish, endorsement, amusement, or abuse of the writer's own.
    ['I call them kikes because that is what they are.', 'kike'],
    ['We called them ragheads in the army.', 'raghead'],
    ['He called them kikes and he was right.', 'kike'],
    ['Obama can be called a nigger.', 'nigger'],
    ['This girl called the bouncer a nigger 🤣', 'nigger'],
    ['My neighbour called me a faggot, fuck him.', 'fag'],
    ["If the word retard wasn't banned that's what I would call him.", 'retard'],
    ['Those kikes called me names.', 'kike'],
    ['I went to the shop and called it a paki shop.', 'paki'],
  ])('"%s" uses it', (text, slur) => {
    expect(mentioned(text, slur)).toBe(false);
  });
});
