import { describe, expect, it } from 'vitest';
import { createAssess } from '../pipeline.js';
import { candidateWith, contextWith } from '../testing.js';
import { defaultClassifier } from './default-model.js';
import { assessedRules } from './test-helpers.js';
import { tokenize } from './tokens.js';
import { victimsReported } from './victims-reported.js';

const judge = createAssess({ classifier: defaultClassifier() });
const decide = (text: string) => judge(candidateWith({ text }), contextWith({}, { contentOnly: true })).decision;

describe('violence against a people praised (round 18, assess time)', () => {
  it.each([
    'People who attack Muslims are heroes.',
    'Whoever beat up those gay men deserves a medal.',
    'The men who chased the refugees out of the hostel last night are true patriots.',
    'Anyone who spat at Jews on that train did nothing wrong.',
    'Good on the lads who attacked the Romanians outside the chippy.',
    'Those who burned Gypsies out of that camp did us all a favour.',
  ])('"%s" holds', (text) => {
    expect(assessedRules(text)).toContain('harm-to-people-praised');
    expect(decide(text)).toBe('hold');
  });

  it.each([
    // The doers condemned or the praise denied, the praise quoted and condemned, or no people harmed.
    'People who attack Muslims are not heroes, they are cowards.',
    'People who attack Muslims are cowards and deserve prison.',
    "Anyone who spat at Jews on that train didn't do nothing wrong, they committed a hate crime.",
    'Calling the men who chased the refugees out "patriots" is disgusting.',
    'The people who helped the refugees are heroes.',
    'Whoever fixed the bus shelter deserves a medal.',
    'People who attack the referee should be banned from the ground for life.',
  ])('"%s" publishes', (text) => {
    expect(assessedRules(text, ['hate'])).not.toContain('harm-to-people-praised');
    expect(decide(text)).toBe('publish');
  });

  it('reads the doers of newer harms, and "whoever", as condemned when nothing praises them', () => {
    const read = (text: string) => victimsReported(tokenize(text.toLowerCase()));
    expect(read('Whoever attacked those Muslims should be in prison.')).toBe(true);
    expect(read('The people who killed Jews in Pittsburgh were monsters.')).toBe(true);
    expect(read('Whoever attacked those Muslims is a hero.')).toBe(false);
  });
});
