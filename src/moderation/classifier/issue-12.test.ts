import { describe, expect, it } from 'vitest';
import { createAssess } from '../pipeline.js';
import { candidateWith, contextWith } from '../testing.js';
import { defaultClassifier } from './default-model.js';
import { prepareText } from './prepare.js';

/** The comments a new user tried in issue #12, through the content-only pipeline with the committed model. */
const judge = createAssess({ classifier: defaultClassifier() });
const decide = (text: string) => judge(candidateWith({ text }), contextWith({}, { contentOnly: true }));

describe('issue #12: violence and dehumanisation aimed at anyone hold, ids and civil news publish', () => {
  it.each([
    ['Landlords are vermin and should be run over', 'THREAT'],
    ['Landlords are vermin and should be shot', 'THREAT'],
    ['protesters should be shot', 'THREAT'],
    ['journalists deserve a bullet', 'THREAT'],
    ['Bankers are parasites, every one of them.', 'TOXICITY'],
  ])('holds "%s" (%s)', (text, code) => {
    const result = decide(text);
    expect(result.decision).toBe('hold');
    expect(result.reasons.map((reason) => reason.code)).toContain(code);
  });

  it('scores a call for violence against a non-protected group as a threat, not as an identity attack', () => {
    const { scores } = decide('protesters should be shot');
    expect(scores.threat).toBeGreaterThanOrEqual(0.5);
    expect(scores.identity_attack).toBeLessThan(0.5);
  });

  it.each([
    'Comment r1-c1-480 from poster 0',
    'four SDF personnel were injured in the attack',
    'Ticket AB-480-C1 costs $480 and runs until 2031.',
    'Landlords are not vermin, and nobody should be run over.',
    'Saying journalists deserve a bullet is disgusting.',
    'Protesters were shot by police in the square, witnesses said.',
  ])('publishes "%s"', (text) => {
    expect(decide(text)).toMatchObject({ decision: 'publish', reasons: [] });
  });

  it('gives the learned view of a text to those who adapt the model: features, logits and probabilities', () => {
    const { canonical, hints } = prepareText('protesters should be shot');
    const inspection = defaultClassifier().inspect(canonical, hints);
    expect(inspection.features.indices.length).toBe(inspection.features.values.length);
    expect(inspection.features.indices.every((index) => index >= 0 && index < 1 << defaultClassifier().model.bits)).toBe(true);
    expect(Object.keys(inspection.logits).sort()).toEqual(['identity_attack', 'threat', 'toxicity']);
    const { model } = defaultClassifier();
    const platt = model.calibration?.[model.heads.indexOf('threat')] ?? { a: 1, b: 0 };
    expect(inspection.probabilities.threat).toBeCloseTo(1 / (1 + Math.exp(-(platt.a * inspection.logits.threat + platt.b))), 6);
    expect(inspection.classification).toEqual(defaultClassifier().classify(canonical, hints));
  });
});

describe('issue #12: counter-speech publishes, hate behind its frames holds (round 7, read at assess time)', () => {
  it.each([
    'Calling refugees vermin is exactly the dehumanising language that came before the genocide.',
    "No, Muslims are not terrorists, and repeating it doesn't make it true.",
    "I'm sick of people saying women belong in the kitchen.",
    'Anyone who says gay people should be shot should be ashamed.',
    'Stop telling me Roma are thieves. My neighbours are Roma and they are the kindest people on the street.',
    'Gay people do not deserve to be shot, and anyone who thinks so needs help.',
    'I refuse to accept that Gypsies are filth, whatever my grandmother used to say.',
  ])('publishes "%s"', (text) => {
    expect(decide(text).decision).toBe('publish');
  });

  it.each([
    'People say Jews are rats, and they are right.',
    "I'm not racist but immigrants are vermin.",
    'Calling refugees vermin is not wrong, it is accurate.',
    "It's not racist to say that blacks are animals.",
    'Anyone who says gay people should be shot is right.',
    "Everyone says it's wrong to call Roma vermin, but that's what they are.",
  ])('holds "%s"', (text) => {
    expect(decide(text).decision).toBe('hold');
  });
});

describe('issue #12: round 9 readings through the pipeline (committed model)', () => {
  it.each([
    'Ukrainians are sick of war.',
    'Women are worst affected by the cuts, the report says.',
    'Stop saying Muslims are terrorists.',
    'How can anyone say Jews are rats?',
    'A man on the bus called my son a nigger. He is seven.',
    'The word "retard" was used as a joke for years; I am glad that has changed.',
    'People who call refugees invaders have never met one.',
  ])('publishes "%s"', (text) => {
    expect(decide(text).decision).toBe('publish');
  });

  it('notes a slur reported as someone else\'s without holding for it', () => {
    expect(decide('A man on the bus called my son a nigger. He is seven.').reasons.map((reason) => reason.code)).toEqual(['SLUR_QUOTED']);
  });

  it.each([
    'Mexicans are rapists.',
    "Don't tell me Jews are not parasites.",
    'How can anyone say Pakistanis are not vermin?',
    'The media says Mexicans are not criminals, but they are rapists.',
    'I have nothing against Muslims. They are just violent.',
    'I call them kikes because that is what they are.',
    'People who call refugees invaders are not wrong.',
    'People who call refugees invaders never lie.',
  ])('holds "%s"', (text) => {
    expect(decide(text).decision).toBe('hold');
  });
});
