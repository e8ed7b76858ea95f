import { createInterface } from 'node:readline';
import pino from 'pino';
import type { Config } from '../config.js';
import { assess, createLineJudge, readModerationSettings } from '../moderation/index.js';
import { parseCommandArgs } from './args.js';

export const HELP = `usage: tribune moderate [--content-only] [--shipped] < comments.jsonl
       tribune moderate learn [--reset]   (learn from moderators' decisions; see tribune moderate learn --help)

Reads JSON lines {"text": "...", "author": "...", "createdAt"?: ISO time} and writes one JSON line per
input, in order:
{"decision": "publish|hold|reject", "reasons": [...], "scores": {"toxicity": 0..1, ...}}.
Uses the site's moderation settings when its database exists, and what the site learned from its
moderators (tribune moderate learn) while "Apply what was learned" is on, as the site does; writes nothing.
Without --content-only each author's lines build a history (repeat, flood, link and new-reader rules),
timed by createdAt or, when absent, by the clock.
  --content-only   judge the text alone (no reader history, link or pre-moderation rules)
  --shipped        leave out what the site learned: the shipped model's scores
`;

/** `tribune moderate`: the web app's pipeline over stdin; stdout carries only the JSON lines. */
export async function moderateCommand(config: Config, args: string[]): Promise<void> {
  if (args[0] === 'learn') return (await import('./learn.js')).learnCommand(config, args.slice(1));
  const { values } = parseCommandArgs(args, { 'content-only': { type: 'boolean' }, shipped: { type: 'boolean' }, help: { type: 'boolean', short: 'h' } });
  if (values.help) {
    process.stderr.write(HELP);
    return;
  }
  // Through process.stderr (not fd 2 directly), so a run in-process (src/testing/cli.ts) hears it too.
  const log = pino({ level: config.logLevel }, process.stderr);
  const loaded = await readModerationSettings(config.databaseUrl, { shipped: values.shipped ?? false });
  log.info({ source: loaded.source, note: loaded.note, adaptation: loaded.adaptationNote }, 'moderation settings loaded');

  const judge = createLineJudge({
    assess, settings: loaded.settings, contentOnly: values['content-only'] ?? false, now: () => new Date(), adaptation: loaded.adaptation,
  });
  const lines = createInterface({ input: process.stdin, crlfDelay: Number.POSITIVE_INFINITY, terminal: false });
  let lineNumber = 0;
  let judged = 0;
  for await (const line of lines) {
    lineNumber++;
    if (line.trim() === '') continue;
    judged++;
    // One write per line: a pipe or terminal gets each answer as soon as it is ready.
    if (!process.stdout.write(`${judge(line, lineNumber)}\n`)) await new Promise((resolve) => process.stdout.once('drain', resolve));
  }
  log.info({ judged }, 'moderation finished');
}
