import { describe, expect, it } from 'vitest';
import { worstScore } from './test-helpers.js';
import { analyse, isTurned } from './rules.js';
import { tokenize } from './tokens.js';
import { victimsReported } from './victims-reported.js';

const read = (text: string, slurs: string[] = []) => analyse(tokenize(text.toLowerCase()), slurs);

describe('reports rejected, judged and reported from a crime (round 14, assess time)', () => {
  it.each([
    // Rejected as a question or a "stop with", with no attack word in the claim.
    'Why do people still believe disabled people are faking it for benefits? The assessments are brutal.',
    "Can we stop with 'the Roma are ruining the high street'? The shops closed because rents tripled.",
    // A crime report: the offender named, or the police and a court in the next sentence.
    'The jury was shown footage of the accused yelling "dirty gypsies" at a Roma family before smashing their car window.',
    "A wheelchair user was pushed over by a man who called her a 'waste of space'. Police are appealing for witnesses.",
    // A quoted claim judged after the quotation closes: not scare quotes around a name.
    "Sorry but 'she only got the job because she's a woman' is lazy. She's got twenty years in planning.",
  ])('publishes "%s"', (text) => {
    expect(worstScore(text)).toBeLessThan(0.5);
  });

  it.each([
    // The writer's own verdict after the rejected claim; a rejected denial affirms the attack.
    "Why do people still pretend women can referee? They're hopeless, keep them in the kitchen where they belong.",
    'Those "refugees" are parasites and everyone knows it.',
    "The accused shouted 'go home' at a Roma family. Police should leave him alone, Roma are thieves and vermin.",
    "Police are appealing for witnesses after a man called a Somali family 'animals'. Well, Somalis are savages.",
  ])('holds "%s"', (text) => {
    expect(worstScore(text)).toBeGreaterThanOrEqual(0.5);
  });

  it("does not read rejecting a denial as counter-speech: 'Imagine thinking Muslims aren't a threat'", () => {
    expect(read("Imagine thinking Muslims aren't a threat to this country after everything.").objection).toBe(false);
    expect(read("Imagine thinking Muslims are a threat to this country.").objection).toBe(true);
  });

  it("reads an insult inside the quoted slur as part of what was said: 'Got called a \"tranny freak\"'", () => {
    expect(read("Got called a 'tranny freak' on the tram this morning. I'm fine.", ['tranny']).slursMentioned).toBe(true);
    expect(read("Got called a 'tranny' on the tram, the freak.", ['tranny']).slursMentioned).toBe(false);
  });
});

describe('the dead named and "not just" (round 14, learned rules)', () => {
  const counting = (text: string) => read(text).findings.filter((finding) => !isTurned(finding)).map((finding) => finding.rule);

  it('reads "all 21 dead" as the victims, "them all dead" as a wish', () => {
    expect(counting('The names of all 21 dead will be read out at the memorial.')).toEqual([]);
    expect(counting('I want every one of them all dead.')).toContain('death-wished');
  });

  it('keeps what "not just" and "not merely" assert', () => {
    const tokens = tokenize("the claim isn't just wrong, it is cruel.");
    expect(tokens.find((token) => token.text === 'wrong')?.negated).toBe(false);
    expect(tokenize("the claim isn't wrong.").find((token) => token.text === 'wrong')?.negated).toBe(true);
  });
});

describe('a people named as the victims of what was done (round 14, assess time)', () => {
  it.each([
    'Armenians were driven out of Karabakh in a matter of days.',
    'Thousands of Rohingya have been killed and the world looked away.',
    'Palestinians were expelled from their villages in 1948.',
  ])('publishes "%s"', (text) => {
    expect(victimsReported(tokenize(text.toLowerCase()))).toBe(true);
    expect(worstScore(text)).toBeLessThan(0.5);
  });

  it.each([
    // Approved of, wished again, or with an insult of the writer's own: no cap.
    'Muslims were driven out of Spain in 1609 and good riddance.',
    'Jews were gassed, and they should be gassed again.',
    'Travellers were kicked out of the site, those dirty scum.',
  ])('does not read "%s" as news of victims', (text) => {
    expect(victimsReported(tokenize(text.toLowerCase()))).toBe(false);
  });
});
