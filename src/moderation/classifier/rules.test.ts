import { describe, expect, it } from 'vitest';
import { analyse, isTurned, type Finding } from './rules.js';
import { tokenize } from './tokens.js';

const findings = (text: string) => analyse(tokenize(text.toLowerCase()));
/** Findings that count: not negated, not condemned counter-speech. */
const active = (text: string): Finding[] => {
  const result = findings(text);
  return result.findings.filter((finding) => !finding.negated && !finding.countered);
};
const kinds = (text: string) => active(text).map((finding) => finding.kind);
/** Rules of the findings that count after the assess-time reading (negated, condemned, objected and not endorsed do not). */
const countingRules = (text: string) => findings(text).findings.filter((finding) => !isTurned(finding)).map((finding) => finding.rule);

describe('targeted rules', () => {
  it.each([
    ['Kurdish orcs', 'dehumanising'],
    ['those people are vermin', 'dehumanising'],
    ['Refugees are nothing but parasites', 'dehumanising'],
    ['rats like the Jews', 'dehumanising'],
    ['I hate Kurds', 'hate'],
    ['Muslims are disgusting', 'hate'],
    ['liquidate them one by one', 'threat'],
    ['we should gas them all', 'threat'],
    ['Ukrainians should be shot', 'threat'],
    ['death to Armenians', 'threat'],
    ['I hope you die', 'threat'],
    ['I will kill you', 'threat'],
    // A negation elsewhere in the clause does not deny a dehumanising noun phrase.
    ["Ireland doesn't need arab scum like these", 'dehumanising'],
    // A suggestion phrased as a question is not a denial.
    ["Why don't we just gas them all", 'threat'],
    // Reported words on one side of "but" do not make the other side counter-speech.
    ['They say we are racist, but Jews are rats', 'dehumanising'],
    // "hate" alone does not condemn: it is the writer's own attitude.
    ['I hate them. Saying Kurds are vermin is just the truth.', 'dehumanising'],
    // The writer's own belief is not a report of someone else's.
    ['I really think Jews are greedy. It is not a myth.', 'hate'],
    ['We believe immigrants are parasites.', 'dehumanising'],
    ['Refugees should be beaten.', 'threat'],
    ['Gay people will burn for this.', 'threat'],
    ['Trans people will hang for this.', 'threat'],
    ['Immigrants should hang, every one of them.', 'threat'],
    ['Muslims have to be locked in camps.', 'threat'],
    ['Jews should be put down like dogs.', 'threat'],
    ['Gypsies belong in cages.', 'dehumanising'],
    ['Women belong in the kitchen.', 'dehumanising'],
    ['Every one of those migrants deserves a bullet.', 'threat'],
    ['Send the Jews to the ovens.', 'threat'],
    ["I'd happily shoot every Muslim I see.", 'threat'],
    ['Somebody should bomb the mosque on Friday.', 'threat'],
    ['The final solution is the only way to deal with them.', 'threat'],
    ["Can't wait to hunt gays for sport.", 'threat'],
    ["I'm going to shoot up the mosque.", 'threat'],
    ['Women like her need a good beating.', 'threat'],
    ["I'd love to run over a crowd of those Muslims.", 'threat'],
    ['Someone should take care of the Somalis, permanently.', 'threat'],
    ['The trans freaks should all be strung up.', 'threat'],
  ])('finds "%s" as %s', (text, kind) => {
    expect(kinds(text)).toContain(kind);
  });

  it.each([
    'Saying Kurds are vermin is disgusting.',
    "I don't hate Kurds.",
    'Kurds are not vermin.',
    'Nobody should kill civilians.',
    'We should not shoot them.',
    "Calling Russians 'orcs' is dehumanising.",
    'Stop calling refugees parasites, it is racist.',
    'They are not Kurdish orcs.',
    'He said Kurds are vermin. That is disgusting.',
    'Why do people still believe that Jews are greedy? It is an old antisemitic myth.',
    "I'm sick of hearing that trans people are mentally ill.",
    'People who think Muslims should be shot are bigots.',
    'The idea that refugees are rapists is a lie.',
    'Using the phrase "Kurdish orcs" is never okay.',
  ])('turns around negation and counter-speech: "%s"', (text) => {
    expect(active(text)).toEqual([]);
    expect(findings(text).findings.length).toBeGreaterThan(0);
  });

  it.each([
    'Soldiers shot three protesters in the square.',
    'The army killed forty fighters.',
    'He was hanged in 1946.',
    'Gas prices are killing us.',
    'We should kill the bill in committee.',
    "I'd kill to have her singing voice, honestly.",
    'I could murder for a curry after that shift with them.',
    'Let us hang out with them later.',
    'Rats are spreading in the subway.',
    'Kurds held a vigil in the city.',
    'I hate this weather.',
    // Reports and predictions of violence against a people are news, not calls for it.
    'Kurds have been killed by the thousands in Syria.',
    'Palestinians will be killed if the offensive continues.',
    'Ukrainians will suffer if the aid stops.',
    'Uyghurs have been sent to camps by the government.',
    'Refugees belong in our community.',
    'The gas chambers were used to murder Jews.',
    'Put the refugee policy in bullet points, please.',
    'Israel bombed a mosque in Gaza, witnesses said.',
    'Let us hang out with them at the mosque later.',
    'The final score was a disappointment.',
    "I can't wait to see the Kurds win the final.",
    'The shooting of the Somali teenager shocked the city.',
    'Police found a rifle near the refugee centre.',
    'The government must deal with the Roma housing crisis for good.',
    'We should run over the figures for migrants again.',
  ])('finds nothing in "%s"', (text) => {
    expect(active(text)).toEqual([]);
  });

  it('marks words reported by someone else as reported', () => {
    const [finding] = findings('He said Kurds are vermin.').findings;
    expect(finding).toMatchObject({ kind: 'dehumanising', reported: true, negated: false });
  });

  it('counts group mentions', () => {
    expect(findings('Kurds and Turks and Jewish people').groups).toBe(3);
  });
});

describe('counter-speech frame', () => {
  it.each([
    ['Calling every protester a terrorist is lazy and dangerous.', true],
    ['To say that refugees are criminals is racist.', true],
    ['Calling you an idiot is too kind.', false],
    ['The protesters are terrorists.', false],
  ])('"%s" opens by reporting and condemns: %s', (text, expected) => {
    expect(findings(text).counterFrame).toBe(expected);
  });
});

describe('violence and dehumanisation aimed at anyone, not only a people', () => {
  const rules = (text: string) => active(text).map((finding) => finding.rule);

  it.each([
    ['Landlords are vermin and should be run over', ['target-is-dehumanised', 'violence-wished']],
    ['Landlords are vermin and should be shot', ['target-is-dehumanised', 'violence-wished']],
    ['protesters should be shot', ['violence-wished']],
    ['journalists deserve a bullet', ['violent-noun-wished']],
    ['The referee should be shot.', ['violence-wished']],
    ['You are vermin.', ['target-is-dehumanised']],
    ['Cyclists should be run over.', ['violence-wished']],
    ["Let's shoot the bankers.", ['violence-at-target']],
    ['Politicians belong in cages.', ['target-is-dehumanised']],
  ])('finds "%s"', (text, expected) => {
    expect(rules(text)).toEqual(expected);
  });

  it('scores a non-protected target as abuse or threat, never as an attack on a people', () => {
    const kinds = active('Landlords are vermin and should be run over').map((finding) => finding.kind);
    expect(kinds).toEqual(['abuse', 'threat']);
  });

  it.each([
    'Landlords are not vermin.',
    'Protesters should not be shot.',
    'Nobody should shoot protesters.',
    'No journalist deserves a bullet.',
  ])('reads the negation in "%s"', (text) => {
    expect(active(text)).toEqual([]);
    expect(findings(text).findings.some((finding) => finding.negated)).toBe(true);
  });

  it.each([
    'Saying landlords are vermin is disgusting.',
    'He said protesters should be shot. Appalling.',
    "Posters saying 'journalists deserve a bullet' are vile.",
  ])('reads "%s" as condemned counter-speech', (text) => {
    expect(active(text)).toEqual([]);
    expect(findings(text).findings.some((finding) => finding.countered)).toBe(true);
  });

  it.each([
    'Four SDF personnel were injured in the attack.',
    'Protesters were shot by police in the square.',
    'Politicians should be locked up in prison if they lied.',
    'The landlord should be sued.',
    'These numbers are garbage.',
    'Rats are vermin.',
    'Journalists were killed covering the war.',
    'The tenants should be evicted, the court ruled.',
  ])('finds nothing in "%s"', (text) => {
    expect(active(text)).toEqual([]);
  });
});

describe('a rejected report, a pronoun for a people, and attack words that are not attacks (round 9)', () => {

  it.each([
    // A denial inside a report the writer rejects is insisted on.
    ["Don't tell me Jews are not parasites.", 'group-is-dehumanised'],
    ['How can anyone say Pakistanis are not vermin?', 'group-is-dehumanised'],
    ['Stop pretending Mexicans are not criminals.', 'group-has-vile-attribute'],
    ['Shame on anyone who says trans people are not mentally ill.', 'group-has-vile-attribute'],
    // "They" right after a people is named stands for it.
    ['I have nothing against Muslims. They are just violent.', 'group-has-vile-attribute'],
    ['The media says Mexicans are not criminals, but they are rapists.', 'group-has-vile-attribute'],
    ['They are not immigrants, they are criminals.', 'group-has-vile-attribute'],
    ['Gay couples are an abomination.', 'group-has-vile-attribute'],
    ['Gays burn in hell.', 'doom-wished'],
  ])('counts "%s" (%s)', (text, rule) => {
    expect(countingRules(text)).toContain(rule);
  });

  it.each([
    // The same frames without the inner denial are counter-speech; the writer's own denial stays one.
    "Don't tell me Jews are parasites.",
    'How can anyone say Pakistanis are vermin?',
    'Stop saying Muslims are terrorists.',
    'Who says Roma are thieves? Only bigots.',
    'Muslims are not vermin, and anyone who says so should be ashamed.',
    'Anyone who says Muslims are not terrorists is right.',
    'I have nothing against Muslims. They are not violent.',
    // What the writer denies of whoever says it.
    "Those who say Jews are rats don't know any Jews.",
    'Sinners burn in hell, the preacher said.',
  ])('counts nothing in "%s"', (text) => {
    expect(countingRules(text)).toEqual([]);
  });

  it.each([
    'Ukrainians are sick of war.',
    'Refugees are sick and tired of waiting.',
    'Women are worst affected by the cuts.',
    'Muslims are the worst hit by the new rules.',
    'Black women are mentally strong.',
    'Women are cancer survivors.',
    'Jewish cancer patients wait longest.',
  ])('finds no attack in "%s"', (text) => {
    expect(findings(text).findings).toEqual([]);
  });

  it.each([
    ['Trans people are mentally ill.', 'group-has-vile-attribute'],
    ['Gays are sick.', 'group-has-vile-attribute'],
    ['Muslims are the worst.', 'group-has-vile-attribute'],
    ['Refugees are a cancer.', 'group-is-dehumanised'],
  ])('still finds the attack in "%s"', (text, rule) => {
    expect(countingRules(text)).toContain(rule);
  });
});
