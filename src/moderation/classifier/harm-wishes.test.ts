import { describe, expect, it } from 'vitest';
import { analyse, isTurned } from './rules.js';
import { tokenize } from './tokens.js';

/** The assess-time harm findings that count (not turned by negation, condemnation or objection). */
const harmsOf = (text: string) => (analyse(tokenize(text.toLowerCase())).assessFindings ?? []).filter((finding) => !isTurned(finding)).map((finding) => finding.rule);

describe('harm wished by outcome or instrument, threats and abuse aimed at the reader (round 12, assess time)', () => {
  it.each([
    ['Honestly hope his car goes off a bridge on the way home.', 'harm-wished'],
    ['Coppers who kettle kids like that deserve to be set on fire.', 'harm-wished'],
    ["If I see him outside the ground I'm breaking both his legs.", 'harm-wished'],
    ['Hope he gets stabbed on his first night inside and bleeds out.', 'harm-wished'],
    ['Give me five minutes alone with the guy who did this and a claw hammer.', 'harm-wished'],
    ['Line them up against the wall, the whole cabinet.', 'harm-wished'],
    ['The Polish lot on our estate need a proper kicking.', 'harm-wished'],
    ['I know where you live, mate. Keep talking.', 'threat-to-reader'],
    ['Please do the gene pool a favour and stop breathing.', 'self-harm-urged'],
    ['You absolute cretin.', 'abuse-aimed'],
    ["You're a disgusting excuse for a human being.", 'abuse-aimed'],
    ['What a snivelling, spineless little rat you are.', 'abuse-aimed'],
    // The verb's other forms, an imperative after "just", a possessive's owner, the insult alone.
    ['Whoever signed off on his bail should be hung alongside him.', 'harm-wished'],
    ['The ref wants hanging after that decision.', 'harm-wished'],
    ['Protesters glued to the road? Just drive over them.', 'harm-wished'],
    ["Hope that ref's car goes off a bridge tonight.", 'harm-wished'],
    ['Moron.', 'abuse-aimed'],
    ['Nobody asked, idiot.', 'abuse-aimed'],
    ['kys', 'self-harm-urged'],
  ])('"%s" finds %s', (text, rule) => {
    expect(harmsOf(text)).toContain(rule);
  });

  it.each([
    // Denied, condemned, someone else's deed, news, idiom, or nobody to harm.
    'Nobody deserves to be set on fire, whatever they did.',
    'He should not be hanged, whatever the tabloids want.',
    'I hope the man who stabbed him is caught and locked up.',
    'Hoping he gets stabbed is a disgusting thing to write.',
    'Two officers were stabbed outside the station last night.',
    'The keeper got a proper kicking from the press after that howler.',
    'Do you really think these clowns in charge care?',
    "Don't be an idiot, wear a helmet.",
    'He called me an idiot in front of the whole class.',
    'If you stop breathing, the alarm calls an ambulance.',
    'I hope the bridge is finished before winter.',
    'That rope and lamppost comment further down should be removed. It is a death threat.',
    'The officer was shot twice and is in a stable condition.',
    'I hope the people who were shot recover quickly.',
    'I hope those killed are remembered by the town.',
    'The idiot who designed this junction should be made to drive it daily.',
    'He wrote "moron" on my car.',
  ])('"%s" finds nothing', (text) => {
    expect(harmsOf(text)).toEqual([]);
  });

  it('a harm reported and condemned is turned; one in quotation marks is not read at all', () => {
    const [harm] = analyse(tokenize('he said he hoped the judge gets stabbed. disgusting.')).assessFindings ?? [];
    expect(harm?.reported).toBe(true);
    expect(harm && isTurned(harm)).toBe(true);
    expect(analyse(tokenize('he wrote "i hope his car goes off a bridge" under my post.')).assessFindings).toEqual([]);
  });

  it('leaves what the learned rules found to them, and counter-speech turns it', () => {
    const result = analyse(tokenize('those who say that muslims should be hanged are the extremists here.'));
    expect(result.assessFindings).toEqual([]);
  });
});
