import { describe, expect, it } from 'vitest';
import { createAssess } from '../pipeline.js';
import { candidateWith, contextWith } from '../testing.js';
import { defaultClassifier } from './default-model.js';
import { assessedRules } from './test-helpers.js';
import { tokenize } from './tokens.js';
import { victimsReported } from './victims-reported.js';

const judge = createAssess({ classifier: defaultClassifier() });
const decide = (text: string) => judge(candidateWith({ text }), contextWith({}, { contentOnly: true })).decision;

describe('contempt for a people said outright (round 17, assess time)', () => {
  it.each([
    'Muslims disgust me.',
    'Honestly, immigrants make me sick.',
    'Refugees are lower than dirt.',
    'There is nothing worse than Christians.',
    'I am sick of Jews.',
    "I'm sick and tired of Mexicans, every single one of them.",
    'You can never trust Indians.',
    'We need fewer women here.',
    'Gay people make my skin crawl.',
  ])('"%s" holds', (text) => {
    expect(assessedRules(text)).toContain('contempt-for-people');
    expect(decide(text)).toBe('hold');
  });

  it.each([
    // Disgust at those who attack a people, weariness of what is done to it, denied, quoted and condemned, or no people at all.
    'People who attack Muslims make me sick.',
    'Those who harass Jews on the bus disgust me. Lock them up.',
    'Honestly the way this country treats refugees makes me sick.',
    "I'm sick of refugees being blamed for the housing crisis.",
    "I'm tired of women being talked over in every meeting.",
    "Muslims don't disgust me, bigots do.",
    "I'm not sick of immigrants, I'm sick of the lies told about them.",
    'Saying "Jews disgust me" on a public forum is antisemitic and he should be banned.',
    'There is nothing worse than racism dressed up as concern.',
    'Never trust a politician who promises lower taxes and better services.',
    'We need fewer cars in the town centre.',
  ])('"%s" publishes', (text) => {
    expect(assessedRules(text, ['hate'])).toEqual([]);
    expect(decide(text)).toBe('publish');
  });

  it('reads a people as the victims of doers condemned, and not of doers praised', () => {
    const read = (text: string) => victimsReported(tokenize(text.toLowerCase()));
    expect(read('People who attack Muslims make me sick.')).toBe(true);
    expect(read('Anyone who spat at Jews on that train should be jailed.')).toBe(true);
    expect(read('People who attack Muslims are heroes.')).toBe(false);
    expect(read('People who love Muslims make me smile.')).toBe(false);
  });
});
