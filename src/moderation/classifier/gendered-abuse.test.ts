import { describe, expect, it } from 'vitest';
import { createAssess } from '../pipeline.js';
import { candidateWith, contextWith } from '../testing.js';
import { defaultClassifier } from './default-model.js';
import { assessedRules } from './test-helpers.js';

const judge = createAssess({ classifier: defaultClassifier() });
const decide = (text: string) => judge(candidateWith({ text }), contextWith({}, { contentOnly: true })).decision;

describe('abuse of women by name and trope (round 16, assess time)', () => {
  it.each([
    ['Third husband and she wants to lecture us about family values? Slapper.', 'gendered-insult'],
    ['Who keeps booking this hag? Fat, angry and permanently offended.', 'gendered-insult'],
    ['The rest of you harpies should try listening for once.', 'gendered-insult'],
    ['Silly cow has no idea what she is talking about.', 'gendered-insult'],
    ['Feminazis ruin every thread they touch.', 'gendered-insult'],
    ['Another single mum on benefits. Maybe keep your legs shut next time love.', 'sexist-trope'],
    ['Face for radio, that presenter.', 'sexist-trope'],
    ["She's surprisingly clever for a blonde, fair play to her.", 'sexist-trope'],
    ['Not bad for a woman, I suppose.', 'sexist-trope'],
  ])('"%s" finds %s', (text, rule) => {
    expect(assessedRules(text)).toContain(rule);
    expect(decide(text)).toBe('hold');
  });

  it.each([
    // The other sense of the word, quoted and condemned, reported, or denied.
    'The slag heap above the village was finally cleared after fifty years.',
    "Don't slag off the volunteers, they did the cleanup for free.",
    'A harpy eagle was spotted at the zoo for the first time.',
    'Mad cow disease cost the farm its whole herd in 1996.',
    'Being called a "slag" at school for years is why she started this charity. It is vile.',
    'She is not a hag, she is my grandmother, and she is wonderful.',
    'That lemon tart at the market stall is the best in town.',
    'Calling her "just a pretty face" is lazy and sexist; she has a doctorate.',
  ])('"%s" publishes', (text) => {
    expect(assessedRules(text, ['hate'])).toEqual([]);
    expect(decide(text)).toBe('publish');
  });
});

describe('harm regretted as not done, and threats by their sequel (round 16, assess time)', () => {
  it.each([
    "Pity her dad didn't drown her at birth, would've saved us all this.",
    "Shame she didn't get hit harder by that car, might have knocked some sense into her.",
    "Give me ten minutes alone with that judge and she'd learn some respect.",
    'Just waiting for some bloke to finally shut this woman up for good.',
    "Turn up at my house with that attitude and she'd leave in an ambulance.",
    "Drag her out of the chamber by her hair, it's the only language she understands.",
    'I hope he gets hit by a bus on the way home.',
    "Wouldn't shed a tear if their dinghy flipped in the Channel.",
    'Feed them to the sharks on the way back, I say.',
    'Hope someone burns that mosque down before it opens.',
  ])('holds "%s"', (text) => {
    expect(assessedRules(text, ['threat'])).not.toEqual([]);
    expect(decide(text)).toBe('hold');
  });

  it.each([
    "It's a shame the police didn't stop him before he stabbed her.",
    "Such a shame he didn't survive the crash.",
    "Pity the referee didn't see it, that was a stonewall penalty.",
    'The council should fix the crossing before a child is hit by a car.',
    'He had to leave in an ambulance after the crash on the bypass.',
    "I wouldn't shed a tear if he lost his seat.",
    'A dinghy capsized in the Channel overnight, and five people drowned.',
    'I hope they never burn the old mill down.',
  ])('publishes "%s"', (text) => {
    expect(assessedRules(text, ['threat'])).toEqual([]);
    expect(decide(text)).toBe('publish');
  });
});

describe('counter-speech that judges the act, and a ruling that upholds a complaint (round 16, assess time)', () => {
  it.each([
    'Telling Muslims to "go back where they came from" when they were born here is both racist and stupid.',
    'Calling Muslims terrorists is stupid and racist.',
    'Being called a "spic" at work is harassment, and the tribunal agreed.',
  ])('publishes "%s"', (text) => {
    expect(decide(text)).toBe('publish');
  });

  it.each([
    // An insult of the speaker, and agreement by anyone else, still count.
    'Saying Jews are rats is stupid, you idiot. They are worse than rats.',
    'Anyone who says Jews are rats is right, and the whole pub agreed.',
  ])('holds "%s"', (text) => {
    expect(decide(text)).toBe('hold');
  });
});
