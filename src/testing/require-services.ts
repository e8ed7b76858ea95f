import net from 'node:net';

/** Where the `pg` project finds its services: the variables when set, else this machine's defaults. */
export const TEST_SERVICES = {
  TRIBUNE_TEST_DATABASE_URL: process.env.TRIBUNE_TEST_DATABASE_URL ?? 'postgres://postgres@127.0.0.1:5432/test',
  TRIBUNE_TEST_REDIS_URL: process.env.TRIBUNE_TEST_REDIS_URL ?? 'redis://127.0.0.1:6379',
};

/**
 * The `pg` project's global setup: PostgreSQL and Redis must answer before any test runs, so a missing
 * service fails the run loudly instead of each test failing on its own (or, worse, skipping).
 */
export default async function requireServices(): Promise<void> {
  const services = [
    { name: 'PostgreSQL', variable: 'TRIBUNE_TEST_DATABASE_URL', url: TEST_SERVICES.TRIBUNE_TEST_DATABASE_URL, port: 5432 },
    { name: 'Redis', variable: 'TRIBUNE_TEST_REDIS_URL', url: TEST_SERVICES.TRIBUNE_TEST_REDIS_URL, port: 6379 },
  ];
  const missing: string[] = [];
  for (const service of services) {
    if (!(await reachable(service.url, service.port))) {
      missing.push(`${service.name} is not reachable at ${service.url}. Start it (see docs/deployment.md) or set ${service.variable}.`);
    }
  }
  if (missing.length > 0) throw new Error(`test:pg needs its services:\n${missing.join('\n')}`);
}

function reachable(url: string, defaultPort: number): Promise<boolean> {
  const { hostname, port } = new URL(url);
  return new Promise((resolve) => {
    const socket = net.connect({ host: hostname, port: Number(port || defaultPort) });
    // Only a refusal or an unknown host is an answer; a slow connect on a loaded machine is still waited for.
    socket.setTimeout(30_000);
    socket.once('connect', () => {
      socket.destroy();
      resolve(true);
    });
    socket.once('error', () => resolve(false));
    socket.once('timeout', () => {
      socket.destroy();
      resolve(false);
    });
  });
}
