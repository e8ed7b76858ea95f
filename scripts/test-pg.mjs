// npm run test:pg — the whole suite against PostgreSQL and Redis. Unreachable services fail the run.
import { spawnSync } from 'node:child_process';
import net from 'node:net';

const databaseUrl = process.env.TRIBUNE_TEST_DATABASE_URL ?? 'postgres://postgres@127.0.0.1:5432/test';
const redisUrl = process.env.TRIBUNE_TEST_REDIS_URL ?? 'redis://127.0.0.1:6379';

function reachable(url, defaultPort) {
  const { hostname, port } = new URL(url);
  return new Promise((resolve) => {
    const socket = net.connect({ host: hostname, port: Number(port || defaultPort) });
    socket.setTimeout(3000);
    socket.once('connect', () => { socket.destroy(); resolve(true); });
    socket.once('error', () => resolve(false));
    socket.once('timeout', () => { socket.destroy(); resolve(false); });
  });
}

for (const [name, url, port] of [['PostgreSQL', databaseUrl, 5432], ['Redis', redisUrl, 6379]]) {
  if (!(await reachable(url, port))) {
    process.stderr.write(`test:pg: ${name} is not reachable at ${url}. Start it (see docs/deployment.md) or set TRIBUNE_TEST_${name === 'Redis' ? 'REDIS' : 'DATABASE'}_URL.\n`);
    process.exit(1);
  }
}

const result = spawnSync('npx', ['vitest', 'run', '--config', 'vitest.pg.config.ts', ...process.argv.slice(2)], {
  stdio: 'inherit',
  env: { ...process.env, TRIBUNE_TEST_DATABASE_URL: databaseUrl, TRIBUNE_TEST_REDIS_URL: redisUrl },
});
process.exit(result.status ?? 1);
