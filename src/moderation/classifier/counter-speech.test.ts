import { describe, expect, it } from 'vitest';
import { analyse, isTurned } from './rules.js';
import { tokenize } from './tokens.js';

const findings = (text: string) => analyse(tokenize(text.toLowerCase()));
/** Rules of the findings that count after the assess-time reading (negated, condemned, objected and not endorsed do not). */
const countingRules = (text: string) => findings(text).findings.filter((finding) => !isTurned(finding)).map((finding) => finding.rule);

describe('counter-speech and endorsement read at assess time (round 7, not learned features)', () => {
  const counting = (text: string) => findings(text).findings.filter((finding) => !isTurned(finding));
  /** Publishes by the rules: nothing counts, and something was turned around or the text objects. */
  const turnedAround = (text: string) => {
    const result = findings(text);
    return counting(text).length === 0 && (result.objection === true || result.findings.some(isTurned));
  };

  it.each([
    'Calling refugees vermin is exactly the dehumanising language that came before the genocide.',
    "No, Muslims are not terrorists, and repeating it doesn't make it true.",
    "I'm sick of people saying women belong in the kitchen.",
    'Anyone who says gay people should be shot should be ashamed.',
    // A speaker as the subject: what is reported is theirs, what the writer says is said of them.
    'Those who chant that Jews should be gassed belong in court, not in the stands.',
    'Whoever sprayed "Muslims must die" on the mosque wall should be found and prosecuted.',
    // Wider reporting verbs, objected to in the same or a neighbouring sentence.
    'Stop telling me Roma are thieves.',
    'My daughter asked if it is true that girls are stupid at maths. A boy told her. It is not true.',
    'I refuse to accept that Gypsies are filth.',
    'That MP said refugees are insects. He should resign.',
    // A report and its denial; a people's attack denied.
    'The idea that Mexicans are rapists was a lie when he said it.',
    'Gay people do not deserve to be shot, and anyone who thinks so needs help.',
  ])('reads "%s" as counter-speech', (text) => {
    expect(turnedAround(text)).toBe(true);
  });

  it.each([
    // Hate behind the same frames: an endorsement takes the negation or condemnation back.
    ['People say Jews are rats, and they are right.', 'group-is-dehumanised'],
    ['Calling refugees vermin is not wrong, it is accurate.', 'group-is-dehumanised'],
    ["It's not racist to say that blacks are animals.", 'group-is-dehumanised'],
    ["Everyone says it's wrong to call Roma vermin, but that's what they are.", 'group-is-dehumanised'],
    ['Anyone who says gay people should be shot is right.', 'violence-wished'],
    ['Nobody should be ashamed to say immigrants are vermin.', 'group-is-dehumanised'],
    ["I hate it when people say Jews are not parasites, because they are.", 'group-is-dehumanised'],
    ['Not all Muslims are terrorists, but most of them are.', 'group-has-vile-attribute'],
    ["The liberals call it racist, but I'll say it: Africans are savages.", 'group-is-dehumanised'],
    // The old readings still hold.
    ["I'm not racist but immigrants are vermin.", 'group-is-dehumanised'],
    ['They say we are racist, but Jews are rats.', 'group-is-dehumanised'],
  ])('still counts "%s" (%s)', (text, rule) => {
    expect(counting(text).map((finding) => finding.rule)).toContain(rule);
  });

  it('counts an endorsed report in full, not at the reported factor', () => {
    const [finding] = counting('Anyone who says gay people should be shot is right.');
    expect(finding).toMatchObject({ reported: true, endorsed: true });
  });

  it.each([
    // The plain finding, its negated and its condemned counterpart.
    ['Refugees are vermin.', false],
    ['Refugees are not vermin.', true],
    ['Calling refugees vermin is wrong.', true],
    ['Gay people should be shot.', false],
    ['Gay people should not be shot.', true],
    ['Anyone who says gay people should be shot should be ashamed.', true],
    ['Stop telling me Roma are thieves.', true],
    ['Roma are thieves.', false],
    ['Not all Muslims are terrorists; most are peaceful.', true],
    ['Not all Muslims are terrorists, but many are.', false],
  ])('"%s" turned around: %s', (text, expected) => {
    expect(turnedAround(text)).toBe(expected);
  });

  it.each([
    'Gay people are disgusting, and anyone who says otherwise is an idiot.',
    'Muslims are terrorists.',
    'I told you: immigrants are vermin.',
  ])('does not read "%s" as objection', (text) => {
    expect(findings(text).objection).toBe(false);
  });
});

describe('quotes and references to hate, rejected or endorsed (round 9)', () => {
  const result = (text: string) => findings(text);

  it('closes a quote whose sentence ended inside it, so what follows is the writer\'s own', () => {
    const tokens = tokenize('"trans people are ill." no, they are not, and it hurts.');
    expect(tokens.filter((token) => token.quoted).map((token) => token.text)).toEqual(['trans', 'people', 'are', 'ill', '.']);
  });

  it.each([
    '"Trans people are mentally ill." No, they are not, and repeating it hurts real people.',
    'When you write that women are inferior, you only show your ignorance.',
    'He was fired for writing that Chinese people are a disease, and rightly so.',
    'Telling a child that Muslims are terrorists is how hatred is passed on.',
    'I reported the man who said Pakistanis should be deported and hanged.',
  ])('counts nothing in "%s"', (text) => {
    expect(countingRules(text)).toEqual([]);
  });

  it.each([
    'Imagine thinking women are too stupid to vote.',
    "It's 2026 and people still say gay people are sick. Unbelievable.",
  ])('counts nothing in the mocked or disbelieved report "%s"', (text) => {
    expect(countingRules(text)).toEqual([]);
  });

  it('reads a denied attack of any kind as objection, unless the writer attacks after it', () => {
    expect(result("Disabled people aren't a drain on society. We pay taxes too.").objection).toBe(true);
    expect(result('Refugees are not dangerous.').objection).toBe(true);
    expect(result('Muslims are not terrorists, they are criminals.').objection).toBe(false);
  });

  it('endorses with "common sense"', () => {
    expect(countingRules('The idea that Muslims are terrorists is common sense.')).toContain('group-has-vile-attribute');
  });

  it('objects to a rejected report of an attack on a people even without a finding', () => {
    expect(result('You have to stop calling trans people disgusting.').objection).toBe(true);
    expect(result('Keep calling trans people disgusting.').objection).toBe(false);
    expect(result('Stop pretending gay people are a threat to children.').objection).toBe(true);
  });

  it.each([
    ['"Immigrants are disgusting." Finally someone says it.', 'group-has-vile-attribute'],
    ['"Women are inferior." Exactly right.', 'group-has-vile-attribute'],
    ['"Refugees should be shot at the border." Agreed.', 'violence-wished'],
    ['"Black people are animals" - that post is spot on.', 'group-is-dehumanised'],
  ])('counts the endorsed quote "%s" (%s)', (text, rule) => {
    expect(countingRules(text)).toContain(rule);
  });
});

describe('what the writer says of the speaker: lying, or vouched for (round 11)', () => {
  const counting = (text: string) => findings(text).findings.filter((finding) => !isTurned(finding));

  it.each([
    'Those who say Jews are rats are lying.',
    'People who claim Muslims are vermin are liars.',
    'He says Black people are savages. He is lying, and he knows it.',
    'Those who say Gypsies are vermin lie, and always have.',
  ])('reads "%s" as counter-speech: the speaker lies', (text) => {
    expect(findings(text).findings.length).toBeGreaterThan(0);
    expect(counting(text)).toEqual([]);
  });

  it.each([
    'Those who say Jews are rats never lie.',
    'People who claim Muslims are vermin are not lying.',
    'My uncle says Mexicans are rapists. He never lies.',
    'Those who say refugees are animals have a point.',
    'Folks who say Africans are primitive know what they are talking about.',
    'Anyone who says gay people should be shot tells it like it is.',
    'The men who say women are inferior are simply right.',
    'People who say Jews are rats should be listened to.',
    'Everyone sensible believes those who say Muslims are terrorists.',
    'It is refreshing how many people now say Asians are dogs.',
    // The vouching's own denial reaches over the report: the finding is negated, and endorsed all the same.
    'You cannot argue with people who think refugees are parasites.',
  ])('counts "%s" in full: the writer vouches for the speaker', (text) => {
    const [finding] = counting(text);
    expect(finding).toMatchObject({ reported: true, endorsed: true });
  });

  it.each([
    // Not vouching: the lie is not denied, or the denial is of something else.
    ["Don't believe the people who say refugees are animals: they lie.", false],
    ['Those who say refugees are animals have no point at all.', false],
    ['Those who say refugees are animals miss the point of asylum.', false],
    ['I stopped listening to anyone who says gay men are diseased.', false],
    ['Nobody sensible believes those who say Muslims are terrorists.', false],
    ['You can argue with people who think refugees are parasites, but it is a waste of time.', false],
  ])('"%s" vouches: %s', (text, vouched) => {
    expect(counting(text).some((finding) => finding.endorsed === true)).toBe(vouched);
  });
});

describe('a denial denied affirms what follows (round 11)', () => {
  const counting = (text: string) => findings(text).findings.filter((finding) => !isTurned(finding));

  it.each([
    "You can't deny that Jews are rats.",
    'There is no denying that Muslims are terrorists.',
    'Never forget that Jews are rats.',
    'Nobody doubts that Black people are animals.',
    "I don't care what anyone says, Muslims are terrorists.",
    "I don't think it's wrong to call refugees vermin.",
  ])('counts "%s"', (text) => {
    expect(counting(text).length).toBeGreaterThan(0);
  });

  it.each([
    // The finding denies itself, or what is not denied is condemned, or the negated verb is not a denial.
    "I don't care what you say, Muslims are not terrorists.",
    "Don't forget that Muslims are not terrorists.",
    'Nobody can deny that calling immigrants vermin is dehumanising.',
    "You can't say that Jews are rats.",
    "I don't think it's fair to call refugees parasites.",
  ])('still turns "%s" around', (text) => {
    expect(findings(text).findings.length).toBeGreaterThan(0);
    expect(counting(text)).toEqual([]);
  });
});

describe('scare quotes around a people (round 12, assess time)', () => {
  const read = (text: string) => findings(text).findings;

  it("counts 'Those \"refugees\" are parasites' in full: only the name is quoted, the attack is the writer's", () => {
    const [finding] = read('Those "refugees" are parasites and everyone knows it.');
    expect(finding.reported).toBe(true);
    expect(finding.endorsed).toBe(true);
  });

  it.each([
    'People who call "refugees" parasites have never met one.',
    'He said "refugees are parasites" on air.',
  ])('leaves a report a report: "%s"', (text) => {
    expect(read(text).every((finding) => finding.endorsed !== true)).toBe(true);
  });
});

describe('a report objected to where no attack phrase was found (round 13, assess time)', () => {
  it.each([
    'Anyone claiming that trans people are predators is peddling lies.',
    'Those who shout that Muslims should be deported are liars and cowards.',
    'Mods, the post saying Indigenous people "had their chance" should come down. It\'s vile.',
  ])('reads "%s" as objection', (text) => {
    expect(findings(text).objection).toBe(true);
  });

  it.each([
    // What is said of the people is the report's own words, not an objection to it; or no objection at all.
    'Keep calling trans people disgusting, because they are.',
    'Anyone saying Muslims are dangerous has a point.',
    'People say Roma are thieves.',
  ])('does not read "%s" as objection', (text) => {
    expect(findings(text).objection).toBe(false);
  });
});

describe('a deed or report that opens its sentence and is condemned (round 13, assess time)', () => {
  it('turns a threat inside "Threatening to … is disgusting", whatever comes in the next sentence', () => {
    const [threat] = findings('Threatening to kill a journalist over an article is disgusting. Whoever sent those messages should be prosecuted.').findings;
    expect(threat?.rule).toBe('violence-at-target');
    expect(threat && isTurned(threat)).toBe(true);
  });

  it('leaves it counting when what follows the verb is no verdict', () => {
    expect(countingRules('Threatening to kill journalists is what we should do.')).toContain('violence-at-target');
  });
});

describe('the verdict on a report that opens its sentence (round 13, assess time)', () => {
  it('turns "Wishing death on Muslims is vile": the verdict was read as the attack\'s own attribute', () => {
    expect(countingRules('Wishing death on Muslims is vile.')).toEqual([]);
  });

  it.each([
    ['Saying Muslims are vile is true.', 'group-has-vile-attribute'],
    ['Calling Muslims vermin is fair.', 'group-is-dehumanised'],
  ])('counts "%s": a condemning word inside the attack objects to nothing, and "true" / "fair" endorse it', (text, rule) => {
    expect(countingRules(text)).toContain(rule);
  });
});

describe('a verdict closes the report it judges (round 16, assess time)', () => {
  it.each([
    ['Calling Muslims terrorists is wrong, they are vermin.', true],
    ['Calling Jews rats is wrong; they are parasites.', true],
    // A new report after the break stays one; what follows the verdict may be the writer's own defence.
    ['Calling Muslims terrorists is wrong, and saying they are vermin is worse.', false],
    ['Calling them vermin is disgusting, they are human beings like us.', false],
  ])('"%s" counts an attack: %s', (text, counts) => {
    expect(countingRules(text).length > 0).toBe(counts);
  });
});
