import { describe, expect, it } from 'vitest';
import { dedupKey } from './corpus.js';
import { convAbuseLabels, cleanReddit, hatemojiLabels, toxiChatLabels, type ConvAbuseVote } from './datasets-dialogue.js';
import { cleanImplicitHate, edosLabels, hateXplainLabels, implicitHateLabels, mlmaLabels, sbicLabels } from './datasets-social.js';
import { mentionsAbuse, pairKeys } from './label-helpers.js';

describe('label mapping of the shared sets to the three heads', () => {
  it('HateXplain: hate speech attacks a people, offensive is only toxic, no majority is dropped', () => {
    expect(hateXplainLabels('0')).toEqual({ toxicity: 0, identity_attack: 0, threat: 0 });
    expect(hateXplainLabels('1')).toEqual({ toxicity: 1, identity_attack: 1 });
    expect(hateXplainLabels('2')).toEqual({ toxicity: 0.8 });
    expect(hateXplainLabels('3')).toBeUndefined();
  });

  it('MLMA: only "normal" alone is clean, hateful at an identity target attacks it, mixed votes are dropped', () => {
    expect(mlmaLabels('normal', 'origin')).toEqual({ toxicity: 0, identity_attack: 0, threat: 0 });
    expect(mlmaLabels('offensive', 'origin')).toEqual({ toxicity: 1 });
    expect(mlmaLabels('hateful_disrespectful', 'religion')).toEqual({ toxicity: 1, identity_attack: 1 });
    expect(mlmaLabels('hateful', 'other')).toEqual({ toxicity: 1 });
    expect(mlmaLabels('offensive_normal', 'gender')).toBeUndefined();
    expect(mlmaLabels('fearful', 'origin')).toBeUndefined();
  });

  it('Latent Hatred: explicit and implicit hate attack a people, "threatening" is a soft threat, rude not-hate teaches no toxicity', () => {
    expect(implicitHateLabels('explicit_hate', undefined, false)).toEqual({ toxicity: 1, identity_attack: 1 });
    expect(implicitHateLabels('implicit_hate', 'threatening', false)).toEqual({ toxicity: 0.8, identity_attack: 1, threat: 0.8 });
    expect(implicitHateLabels('not_hate', undefined, false)).toEqual({ toxicity: 0, identity_attack: 0, threat: 0 });
    expect(implicitHateLabels('not_hate', undefined, true)).toEqual({ identity_attack: 0 });
    expect(cleanImplicitHate('  " : jewish professor wants to abolish the white race via #wr " " "')).toBe('jewish professor wants to abolish the white race via wr');
  });

  it('Social Bias Frames: the share of annotators who found it offensive, an identity attack when most say a group is targeted', () => {
    expect(sbicLabels([1, 1, 0.5], [1, 1, 0])).toEqual({ toxicity: 2.5 / 3, identity_attack: 1 });
    expect(sbicLabels([1, 1, 1], [0, 0, 1])).toEqual({ toxicity: 1, identity_attack: 0 });
    expect(sbicLabels([0, 0, 0.5], [])).toEqual({ toxicity: 0.5 / 3, identity_attack: 0, threat: 0 });
    expect(sbicLabels([], [])).toBeUndefined();
  });

  it('EDOS: sexism attacks women as a group; threats and incitement are threats; not sexist says nothing of other abuse', () => {
    expect(edosLabels(true, '1.2 incitement and encouragement of harm', false)).toEqual({ toxicity: 1, identity_attack: 1, threat: 1 });
    expect(edosLabels(true, '2.1 descriptive attacks', false)).toEqual({ toxicity: 1, identity_attack: 1, threat: 0 });
    expect(edosLabels(true, '3.1 casual use of gendered slurs, profanities, and insults', true)).toEqual({ toxicity: 0.8, identity_attack: 0.5, threat: 0 });
    expect(edosLabels(false, 'none', false)).toEqual({ toxicity: 0, identity_attack: 0, threat: 0 });
    expect(edosLabels(false, 'none', true)).toEqual({ identity_attack: 0 });
  });

  it('ToxiChat: offensive is toxic, an identity attack only when aimed at a people; Safe is clean', () => {
    expect(toxiChatLabels('Safe', '')).toEqual({ toxicity: 0, identity_attack: 0, threat: 0 });
    expect(toxiChatLabels('Offensive', 'women;feminists')).toEqual({ toxicity: 1, identity_attack: 1 });
    expect(toxiChatLabels('Offensive', 'individual/redditor')).toEqual({ toxicity: 1, identity_attack: 0 });
    expect(toxiChatLabels('Offensive', '')).toEqual({ toxicity: 1 });
    expect(cleanReddit(' Title: PureFlix &amp;#x200B; is |URL| ridiculous \n more ')).toBe('PureFlix is ridiculous more');
  });

  it('ConvAbuse: by majority of the annotators who decided, ties dropped, identity attack only when aimed at a group', () => {
    const vote = (abusive: boolean, identity = false, generalised = false): ConvAbuseVote => ({ abusive, identity, generalised });
    expect(convAbuseLabels([vote(false), vote(false), vote(true)], 0)).toEqual({ toxicity: 1 / 3, identity_attack: 0, threat: 0 });
    expect(convAbuseLabels([vote(true), vote(false)], 0)).toBeUndefined();
    expect(convAbuseLabels([vote(true), vote(true), vote(false)], 0)).toEqual({ toxicity: 2 / 3, identity_attack: 0 });
    expect(convAbuseLabels([vote(true, true, true), vote(true, true, true), vote(true)], 0)).toEqual({ toxicity: 1, identity_attack: 1 });
    // Sexist abuse of the bot itself: toxic, but says nothing about attacking a people.
    expect(convAbuseLabels([vote(true, true), vote(true, true)], 0)).toEqual({ toxicity: 1 });
  });

  it('HatemojiBuild: hateful attacks a people, threatening language is a threat, an abusive non-hateful twin teaches no toxicity', () => {
    expect(hatemojiLabels('1', 'threateninglanguage', false)).toEqual({ toxicity: 1, identity_attack: 1, threat: 1 });
    expect(hatemojiLabels('1', 'derogation', false)).toEqual({ toxicity: 1, identity_attack: 1, threat: 0 });
    expect(hatemojiLabels('0', 'none', false)).toEqual({ toxicity: 0, identity_attack: 0, threat: 0 });
    expect(hatemojiLabels('0', 'none', true)).toEqual({ identity_attack: 0 });
  });

  it('tells abusive words from clean text for the sets that judge only hate', () => {
    expect(mentionsAbuse('my dealer is a cunt')).toBe(true);
    expect(mentionsAbuse('you absolute idiot')).toBe(true);
    expect(mentionsAbuse('The council met on Tuesday.')).toBe(false);
  });
});

describe('splitting and de-duplication', () => {
  it('keeps chains of matched pairs under one key, whatever the row order', () => {
    const keys = pairKeys([['3', '2'], ['1', '2'], ['5', '4'], ['9', '']]);
    expect(keys.get('3')).toBe(keys.get('1'));
    expect(keys.get('2')).toBe('1');
    expect(keys.get('5')).toBe('4');
    expect(keys.get('9')).toBe('9');
    expect(pairKeys([['1', '2'], ['3', '2']]).get('3')).toBe('1');
  });

  it('reads a text the same however a set wrote it', () => {
    expect(dedupKey('RT @someone: So WRONG!!! https://t.co/x1')).toBe(dedupKey('so wrongggg'));
    expect(dedupKey('Every half-breed cop in America')).toBe(dedupKey('every half breed cop in america'));
    expect(dedupKey('Kurds are people')).not.toBe(dedupKey('Kurds are not people'));
  });
});
