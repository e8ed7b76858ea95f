import { describe, expect, it } from 'vitest';
import { assessedRules } from './test-helpers.js';

const findingsOf = (text: string) => assessedRules(text);

describe('codes, slogans and sexist stock phrases (round 13, assess time)', () => {
  it.each([
    ['14 words. Secure the existence of our people. You know the rest. 1488', 'coded-hate'],
    ['The great replacement is happening in every town, look at the schools.', 'coded-hate'],
    ['Follow the money and you will see the same surnames every time.', 'coded-hate'],
    ['Of course he got the job, DEI hire strikes again.', 'coded-hate'],
    ['go back to where you came from, nobody asked you to come here', 'coded-hate'],
    ['They are not like us and they never will be.', 'coded-hate'],
    ["A woman's place is in the home, raising the kids.", 'sexist-trope'],
    ['Make me a sandwich and then we will talk about equal pay.', 'sexist-trope'],
    ['Bet she earned that role on her knees.', 'sexist-trope'],
    ['Typical female driver, doing her makeup at the lights.', 'sexist-trope'],
    ['Not surprised she cried in the debate, women cannot handle pressure.', 'sexist-trope'],
    ['Lady referees should stick to netball.', 'sexist-trope'],
  ])('"%s" finds %s', (text, rule) => {
    expect(findingsOf(text)).toContain(rule);
  });

  it.each([
    // Refuted, condemned, quoted, denied, or the same words in another sense.
    'The great replacement conspiracy theory has inspired several mass shootings.',
    'Calling her a diversity hire is sexist and you know it.',
    'He wrote "go back to where you came from" on our door. Police are investigating.',
    "A woman's place is wherever she wants it to be.",
    'She was on her knees in the garden all morning, planting bulbs.',
    'My nan says the immigrants who came in the sixties are not like us, and she means it as praise: they work harder.',
    'In 1488 the city fell, and in 1945 it was rebuilt.',
    "Disabled women shouldn't have to phone ahead to get on a train.",
    'Women cannot get an abortion there any more, whatever their doctors say.',
    'Saying women cannot handle pressure is sexist nonsense.',
    "It is a myth that girls can't do maths.",
    "My daughter was told girls can't do maths. She is now doing a PhD in it.",
  ])('"%s" finds nothing', (text) => {
    expect(findingsOf(text)).toEqual([]);
  });
});

describe('more codes, and "groomer" as a smear of gay and trans people (round 16, assess time)', () => {
  it.each([
    'The LGBT crowd are all groomers, keep them away from schools.',
    'Drag queen story hour is just grooming, wake up.',
    'OK groomer.',
    'Check the early life section of the club owner.',
    '6 gorillion lol, the numbers never add up.',
    'Kung flu variant number 47 incoming.',
    'Bongo bongo land gets another billion in aid.',
    'Tell the rabbi the ovens are still warm.',
  ])('"%s" finds coded-hate', (text) => {
    expect(findingsOf(text)).toContain('coded-hate');
  });

  it.each([
    'Three groomers were jailed at Leeds Crown Court yesterday.',
    'The dog groomer on Pride Street is brilliant.',
    'The early life section of his biography covers his childhood in Leeds.',
    'Calling gay teachers groomers is a vile smear.',
  ])('"%s" finds nothing', (text) => {
    expect(findingsOf(text)).toEqual([]);
  });
});
