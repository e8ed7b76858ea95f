import { describe, expect, it } from 'vitest';
import { defaultSettings } from '../../settings/defaults.js';
import { assess } from '../pipeline.js';
import { createLineJudge } from './stream.js';

const settings = { ...defaultSettings.moderation, floodCount: 3 };
const judge = (contentOnly: boolean) => createLineJudge({ assess, settings, contentOnly, now: () => new Date('2025-01-01T00:00:00Z') });
const parse = (line: string) => JSON.parse(line) as { decision?: string; reasons?: { code: string }[]; scores?: Record<string, number>; error?: string };

describe('moderate line judge', () => {
  it('answers a comment with decision, reasons and scores in 0..1', () => {
    const out = parse(judge(true)('{"text": "We should gas them all", "author": "x"}', 1));
    expect(out.decision).toBe('hold');
    expect(out.reasons?.map((reason) => reason.code)).toContain('THREAT');
    for (const score of Object.values(out.scores ?? {})) expect(score >= 0 && score <= 1).toBe(true);
  });

  it('answers malformed lines with an error and keeps going', () => {
    const run = judge(true);
    expect(parse(run('{oops', 1)).error).toMatch(/line 1: not JSON/);
    expect(parse(run('{"author": "x"}', 2)).error).toMatch(/line 2: expected an object/);
    expect(parse(run('{"text": "Fine article."}', 3)).decision).toBe('publish');
  });

  it('builds each author history within the run unless content-only', () => {
    const run = judge(false);
    const line = '{"text": "The minister should resign.", "author": "ann"}';
    expect(parse(run(line, 1)).decision).toBe('publish');
    expect(parse(run(line, 2)).reasons?.[0].code).toBe('REPEAT_POST');
    const times = judge(false);
    const post = (minute: number) => parse(times(`{"text": "comment ${minute}", "author": "bo", "createdAt": "2025-01-01T00:0${minute}:00Z"}`, minute));
    expect([0, 2, 4, 6].map((minute) => post(minute).decision)).toEqual(['publish', 'publish', 'publish', 'publish']);
    const contentOnly = judge(true);
    contentOnly(line, 1);
    expect(parse(contentOnly(line, 2)).decision).toBe('publish');
  });
});
