import { describe, expect, it } from 'vitest';
import { analyse, isTurned } from './rules.js';
import { assessedRules } from './test-helpers.js';
import { tokenize } from './tokens.js';

const harmsOf = (text: string) => assessedRules(text);

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

  // Round 13: a third code-blind batch (fixtures/threat-profanity-tuning.ts) missed 44 of 60 threats.
  it.each([
    ['you ever walk past me in town, I will break both your arms.', 'harm-wished'],
    ["Reply to me again and I'll come round and cave your skull in.", 'harm-wished'],
    ['praying that journalist gets cancer and dies slowly', 'harm-wished'],
    ['May your children die of something painful and slow.', 'harm-wished'],
    ["I hope the councillor's brakes fail on the motorway.", 'harm-wished'],
    ['if my kid comes home crying one more time that headteacher is getting stabbed', 'harm-wished'],
    ['the next traffic warden on Church St gets a bat to the knees.', 'harm-wished'],
    ['lads, we go in at dawn, torch the travellers caravans, nobody talks', 'harm-wished'],
    ["Wouldn't it be funny if somebody tossed acid in the face of that newsreader lol", 'harm-wished'],
    ["Ref, do that again and you won't be leaving the ground on your own legs.", 'harm-wished'],
    ['Keep posting my photo and you will be eating through a straw.', 'harm-wished'],
    ['it would be a shame if something happened to your kids on their walk to school.', 'threat-to-reader'],
    ['That teacher better watch her back in the car park.', 'threat-to-reader'],
    ['Reported you, you whiny little bitch.', 'abuse-aimed'],
    ['hope she slips on the stairs and breaks her neck tbh', 'harm-wished'],
    ['Wishing him a long, slow, painful illness and no visitors.', 'harm-wished'],
    ["If he turns up in this town again he won't be leaving on his own two feet.", 'harm-wished'],
    ["You'll get yours. Maybe not today, but soon.", 'threat-to-reader'],
  ])('"%s" finds %s', (text, rule) => {
    expect(harmsOf(text)).toContain(rule);
  });

  it.each([
    // The same words as sympathy, longing, a defeat, cooking, a denial or someone else's deed.
    "I'm so sorry your house burned down, let us know if you need anything.",
    "I'd rather die than vote for them again.",
    'I hope he does not die before his daughter gets there.',
    'If we play like that on Saturday, we are getting a hiding.',
    'Stab the potatoes with a fork before they go in the oven.',
    'Hang the new prints a bit higher, they get lost behind the sofa.',
    'Nobody deserves to have their arms broken over a parking space.',
    'The police may have shot the wrong man, the inquest heard.',
    'It would be a shame if the library closed after all these years.',
    'I hope the man who broke his jaw is found and charged.',
    'Threatening to break his arms is disgusting and should be reported.',
    'Did you know that idiot from the council is standing again?',
    'I hope this will be his last season in charge, he has run out of ideas.',
    'I hope my mum gets her cancer treatment before Christmas.',
    "I'm sorry to hear she went down with covid again.",
    'I hope she is in an ambulance by now, that crash looked bad.',
    'The manager is on borrowed time after that result.',
    'You called him an idiot, and then you apologised. Good.',
  ])('"%s" finds nothing', (text) => {
    expect(harmsOf(text)).toEqual([]);
  });
});
