import pino from 'pino';
import type { Config } from '../config.js';
import { AppError } from '../errors.js';
import { createSiteAdaptation, learnReportLines } from '../moderation/index.js';
import { moderatorDecisions } from '../moderation-queue/index.js';
import { createRuntime } from '../runtime.js';
import { FatalError, parseCommandArgs } from './args.js';

export const LEARN_HELP = `usage: tribune moderate learn [--reset]

Fits this site's adaptation of the moderation model on its moderators' decisions (approvals and
rejections of held or reported comments, removals of published ones; never the system's own holds),
stores it in the database for every instance, and prints what it changes: ROC-AUC and false-hold rate
on the most recent decisions, held out of fitting, before and after. Refuses (exit code 1) with fewer
than 200 decisions or without both approvals and rejections. Applied while "Apply what was learned" is
on in Settings → Learning from moderators.
  --reset   delete what was learned; new comments get the shipped model's scores again
`;

/** `tribune moderate learn`: progress on stderr, the report on stdout. */
export async function learnCommand(config: Config, args: string[]): Promise<void> {
  const { values } = parseCommandArgs(args, { reset: { type: 'boolean' }, help: { type: 'boolean', short: 'h' } });
  if (values.help) {
    process.stdout.write(LEARN_HELP);
    return;
  }
  // Logs go to stderr: stdout carries only the report.
  const runtime = await createRuntime(config, { log: pino({ level: config.logLevel }, pino.destination(2)) });
  const adaptation = createSiteAdaptation({ ...runtime, decisions: () => moderatorDecisions(runtime.db) });
  const out = (line = '') => process.stdout.write(`${line}\n`);
  try {
    if (values.reset) {
      out((await adaptation.reset()) ? 'Deleted what was learned from moderators; instances use the shipped model within a minute.' : 'Nothing had been learned; nothing to delete.');
      return;
    }
    process.stderr.write('Reading moderators’ decisions…\n');
    let reported = 0;
    const outcome = await adaptation
      .learn({
        source: 'cli',
        onProgress: (done, total) => {
          if (done === total || done - reported >= 500) {
            reported = done;
            process.stderr.write(`Scored ${done} of ${total} decisions\n`);
          }
        },
      })
      .catch((error: unknown) => {
        if (error instanceof AppError) throw new FatalError(`Not learned: ${error.message}`);
        throw error;
      });
    for (const line of learnReportLines(outcome.report)) out(line);
    out();
    const { moderation } = await runtime.settings.get();
    if (!outcome.stored) out('Not stored: it ranked the held-out decisions no better than the shipped model. Nothing changed.');
    else if (moderation.learnFromModerators) out('Stored. Every instance applies it to new comments within a minute.');
    else out('Stored, but not applied: turn on "Apply what was learned" in Settings → Learning from moderators.');
  } finally {
    adaptation.stop();
    await runtime.close();
  }
}
