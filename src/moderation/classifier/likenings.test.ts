import { describe, expect, it } from 'vitest';
import { assessedRules } from './test-helpers.js';

const likeningsOf = (text: string) => assessedRules(text, ['dehumanising', 'hate']);

describe('a people likened to vermin or disease beyond "[people] are [vermin]" (round 12, assess time)', () => {
  it.each([
    ['Mexicans come over that border like cockroaches. Stamp on one and there are a hundred more.', 'people-likened'],
    ['Eastern Europeans multiply like fruit flies in every flat on my road.', 'people-likened'],
    ['Asians are all the same, soulless worker ants with no ideas of their own.', 'people-likened'],
    ['Islam is spreading like a cancer through Europe.', 'people-likened'],
    ['Refugees? More like a parasite class living off the rest of us.', 'people-likened'],
    ['The Muslims are outbreeding us three to one.', 'people-likened'],
    ["Walk down any street there and it's crawling with Pakistanis.", 'people-likened'],
    ['Funny how the banks are all run by (((them))).', 'coded-antisemitism'],
  ])('"%s" finds %s', (text, rule) => {
    expect(likeningsOf(text)).toContain(rule);
  });

  it.each([
    // Literal animals and disease near a people, denied, condemned, or reported and condemned.
    'The locust plague has left Somali and Kenyan herders with no pasture for their goats.',
    'The Kurdish villages were hit by a plague of locusts this spring.',
    'Cancer rates among Pakistanis in Bradford have fallen, the study says.',
    'Mexicans are not cockroaches, whatever the talk-show host says.',
    'Comparing refugees to locusts, like that columnist did, is vile.',
    'He said Mexicans come over the border like cockroaches. Disgusting.',
    'The farmers culled the herd after the outbreak, and the Kurdish villagers lost everything.',
    '"Females" is how you describe animals in a documentary, not your colleagues.',
  ])('"%s" finds nothing', (text) => {
    expect(likeningsOf(text)).toEqual([]);
  });
});
