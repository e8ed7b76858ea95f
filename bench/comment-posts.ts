import { loadavg } from 'node:os';
import { measurePosts, startServers, warmUpPosts } from './comments.js';
import { processMemory } from './process-memory.js';
import type { Bench } from './run.js';

const POSTERS = (process.env.BENCH_POSTERS ?? '1,20').split(',').map(Number);

/**
 * The POST half of the comments bench alone, on SQLite: each posting rate against a bare node:http
 * server that takes the same POST from the same clients (its body parsed, a comment-sized 201), in one
 * run, so the ratio says how far a real post (assess + transaction + event + invalidation) is from free.
 */
export const commentPostsBench: Bench = {
  name: 'comment-posts',
  description: `sustained POST comment by ${POSTERS.join(' and ')} clients on SQLite while the article page is read, against a bare POST server`,
  async run() {
    const { servers, pid, stop } = await startServers();
    try {
      await warmUpPosts(servers);
      process.stdout.write(`load average   ${loadavg().map((value) => value.toFixed(2)).join(' ')}\n`);
      for (const posters of POSTERS) {
        const bare = await measurePosts(servers, posters, servers.barePostUrl, 'bare POST');
        const tribune = await measurePosts(servers, posters);
        process.stdout.write(`ratio          ${(tribune / bare).toFixed(3)} (Tribune / bare POST, ${posters} client${posters === 1 ? '' : 's'})\n`);
      }
      process.stdout.write(`server RSS     ${processMemory(pid)}\nload average   ${loadavg().map((value) => value.toFixed(2)).join(' ')}\n`);
    } finally {
      await stop();
    }
  },
};
