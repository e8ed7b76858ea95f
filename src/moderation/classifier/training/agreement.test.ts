import { describe, expect, it } from 'vitest';
import type { Scores } from '../classifier.js';
import { agreementReport } from './agreement.js';
import type { Example } from './datasets.js';

const example = (key: string, judgements?: number[]): Example => ({ text: `text ${key}`, source: 'set', key, labels: { toxicity: 0 }, weight: 1, tag: '', judgements });
const scores = (toxicity: number): Scores => ({ toxicity, identity_attack: 0, threat: 0 });

describe('annotator agreement', () => {
  it('ranks one annotator by the others and by the model, on the same labels', () => {
    // Unanimous texts: whichever annotator is picked, the others agree with it.
    const examples = [...Array.from({ length: 20 }, (_, i) => example(`t${i}`, [1, 1, 1])), ...Array.from({ length: 20 }, (_, i) => example(`c${i}`, [0, 0, 0]))];
    const perfect = agreementReport('set', examples, examples.map((e) => scores(e.judgements![0])));
    expect(perfect).toMatchObject({ texts: 40, positives: 20, humans: 1, model: 1 });
    const inverted = agreementReport('set', examples, examples.map((e) => scores(1 - e.judgements![0])));
    expect(inverted?.model).toBe(0);
  });

  it('reads split panels as weak agreement, and leaves out texts with fewer than two judgements', () => {
    const split = Array.from({ length: 40 }, (_, i) => example(`s${i}`, [1, 0]));
    const report = agreementReport('set', [...split, example('one', [1]), example('none')], [...split.map(() => scores(0.5)), scores(1), scores(0)]);
    expect(report?.texts).toBe(40);
    // With one judgement each way, the other annotator always disagrees with the one picked.
    expect(report?.humans).toBe(0);
    expect(report?.model).toBe(0.5);
  });

  it('picks the same annotator on every run', () => {
    const examples = Array.from({ length: 30 }, (_, i) => example(`k${i}`, [1, 0, 1, 0]));
    const a = agreementReport('set', examples, examples.map((_, i) => scores(i / 30)));
    const b = agreementReport('set', examples, examples.map((_, i) => scores(i / 30)));
    expect(a).toEqual(b);
  });

  it('is undefined for a set that publishes no judgements', () => {
    expect(agreementReport('set', [example('a'), example('b')], [scores(0), scores(1)])).toBeUndefined();
  });
});

describe('panels of three', () => {
  it('are measured only on texts judged six times or more, with 30 on each side', () => {
    const examples = [...Array.from({ length: 30 }, (_, i) => example(`p${i}`, [1, 1, 1, 1, 1, 1])), ...Array.from({ length: 30 }, (_, i) => example(`n${i}`, [0, 0, 0, 0, 0, 0])), example('short', [1, 0, 1])];
    const report = agreementReport('set', examples, examples.map((e) => scores(e.judgements![0])));
    expect(report?.texts).toBe(61);
    expect(report?.panel).toEqual({ texts: 60, humans: 1, model: 1 });
    expect(agreementReport('set', examples.slice(1), examples.slice(1).map(() => scores(0.5)))?.panel).toBeUndefined();
    expect(agreementReport('set', [example('a', [1, 0]), example('b', [0, 1])], [scores(0), scores(1)])?.panel).toBeUndefined();
  });
});
