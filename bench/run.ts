// `npm run bench` runs every bench; `npm run bench -- <name> [<name>…]` runs the named ones.
// Benches print ratios against a baseline measured in the same run, never pass/fail.
import { articlePageBench } from './article-page.js';
import { commentPostsBench } from './comment-posts.js';
import { commentsBench } from './comments.js';
import { mediaBench } from './media.js';
import { moderationBench } from './moderation.js';
import { newsletterSendBench } from './newsletter-send.js';
import { threadScaleBench } from './thread-scale.js';

export interface Bench {
  name: string;
  description: string;
  run(): Promise<void>;
}

/** Add a bench: write `bench/<name>.ts` exporting a `Bench`, and list it here. */
const benches: Bench[] = [articlePageBench, commentsBench, commentPostsBench, moderationBench, threadScaleBench, newsletterSendBench, mediaBench];

const wanted = process.argv.slice(2).filter((arg) => !arg.startsWith('-'));
const unknown = wanted.filter((name) => !benches.some((bench) => bench.name === name));
if (unknown.length > 0) {
  process.stderr.write(`Unknown bench: ${unknown.join(', ')}\nAvailable:\n${benches.map((b) => `  ${b.name.padEnd(16)} ${b.description}`).join('\n')}\n`);
  process.exit(2);
}

for (const bench of benches.filter((candidate) => wanted.length === 0 || wanted.includes(candidate.name))) {
  process.stdout.write(`\n== ${bench.name}: ${bench.description}\n`);
  await bench.run();
}
