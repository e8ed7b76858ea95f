import { describe, expect, it } from 'vitest';
import { templateExamples } from './build.js';
import { dedupKey } from './corpus.js';
import { WAVES, blindKeys, handWrittenTexts, waveTexts } from './hand-written.js';

describe('hand-written tuning comments as training examples (round 14)', () => {
  const written = handWrittenTexts();

  it('labels every comment on at least toxicity, and civil ones harmless on every head', () => {
    expect(written.length).toBeGreaterThan(1000);
    for (const { labels } of written) expect(labels.toxicity).toBeDefined();
    const civil = written.filter(({ labels }) => labels.toxicity === 0);
    for (const { labels } of civil) expect(labels).toEqual({ toxicity: 0, identity_attack: 0, threat: 0 });
  });

  it('never trains on a blind fixture, even where a tuning writer wrote the same words', () => {
    const blind = blindKeys();
    expect(blind.has(dedupKey('Jews control the banks and the media. Wake up.'))).toBe(true);
    expect(written.filter(({ text }) => blind.has(dedupKey(text)))).toEqual([]);
  });

  it('joins the templates only at a weight above zero', () => {
    const plain = templateExamples();
    const joined = templateExamples({ handWrittenWeight: 3 });
    expect(joined.length - plain.length).toBe(written.length);
    expect(joined.filter((example) => example.tag === 'hand-written').every((example) => example.weight === 3)).toBe(true);
  });
});

describe('the waves of written comments (rounds 14 and 17)', () => {
  it('keeps every batch apart, none of it blind, labelled consistently on every head', () => {
    expect(Object.values(WAVES.third).map((batch) => batch.length)).toEqual([300, 300, 300, 300]);
    expect(Object.values(WAVES.fourth).map((batch) => batch.length)).toEqual([300, 300, 300, 300]);
    const blind = blindKeys();
    for (const wave of ['second', 'third', 'fourth'] as const) {
      const texts = waveTexts(wave);
      expect(texts.filter(({ text }) => blind.has(dedupKey(text)))).toEqual([]);
      for (const { labels } of texts) if (labels.identity_attack || labels.threat) expect(labels.toxicity).toBe(1);
      expect(new Set(texts.map(({ batch }) => batch))).toEqual(new Set(Object.keys(WAVES[wave])));
    }
  });

  it("tags each comment with its wave and batch, so one writer can be left out, and reads a wave only at a weight above zero", () => {
    const third = waveTexts('third');
    const examples = templateExamples({ waveWeights: { third: 5, fourth: 0 } });
    const joined = examples.filter((example) => example.tag.startsWith('third-wave:'));
    expect(joined).toHaveLength(third.length);
    expect(joined.every((example) => example.weight === 5)).toBe(true);
    expect(joined.filter((example) => example.tag === 'third-wave:culture')).toHaveLength(third.filter(({ batch }) => batch === 'culture').length);
    expect(examples.some((example) => example.tag.startsWith('fourth-wave:') || example.tag.startsWith('second-wave:'))).toBe(false);
  });
});
