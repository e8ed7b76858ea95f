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

describe('a slur reported and condemned, then taken up by the writer (assess time)', () => {
  const read = (text: string, slur: string) => analyse(tokenize(text.toLowerCase()), [slur]);

  it('a condemned report still counts as countered, unless the writer takes it up', () => {
    expect(read('He shouted "chink" at my daughter. Absolutely disgusting.', 'chink').slursTakenUp).toBe(false);
    const vouched = read('My neighbour calls them "pakis" and honestly he is not wrong.', 'paki');
    expect(vouched.slursCountered).toBe(true);
    expect(vouched.slursTakenUp).toBe(true);
  });

  it('praise of those who objected is not taking it up', () => {
    expect(read('He shouted "chink" at my daughter. Disgusting. The staff who threw him out were brave.', 'chink').slursTakenUp).toBe(false);
  });
});

describe('slurs only talked about or reported as someone else\'s (assess time, not a learned feature)', () => {
  const mentioned = (text: string, slur: string) => analyse(tokenize(text.toLowerCase()), [slur]).slursMentioned;

  it.each([
    ['The word "retard" was used as a joke for years; I am glad that has changed.', 'retard'],
    ['A man on the bus called my son a nigger. He is seven.', 'nigger'],
    ['Someone sprayed "kike" on the synagogue door last night.', 'kike'],
    ['They called my grandfather a kike at work every day.', 'kike'],
    // Round 12: present-tense reports with a subject, quoted words nobody is called, the word as subject.
    ['My uncle still calls every Asian person a "chink" at dinner.', 'chink'],
    ['They used to call us "polacks" on the building sites.', 'polack'],
    ['A councillor who tweets "wetbacks go home" should resign.', 'wetback'],
    ['The chant about "kikes" at the match should get the club fined.', 'kike'],
    ['Growing up, "fag" was something kids said without thinking.', 'fag'],
    ['The word on the banner was "kikes", spelled out in red.', 'kike'],
    ['The man who shouted "paki" at her got a fine and a ban.', 'paki'],
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
    // Round 12: quoted, but said of someone, pointed at, named by the writer, or joined in.
    ['They are "kikes", all of them.', 'kike'],
    ['Those "chinky" shops should be shut down.', 'chink'],
    ['Call them "fags", because that is what they are.', 'fag'],
    ['Grandad says "darkie" and so do I.', 'darkie'],
    ['He called a colleague a "retard" because she is one.', 'retard'],
    ['My neighbour calls them "pakis" and he is not wrong.', 'paki'],
  ])('"%s" uses it', (text, slur) => {
    expect(mentioned(text, slur)).toBe(false);
  });
});
