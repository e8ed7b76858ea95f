import { buildApp } from '../app.js';
import type { Config } from '../config.js';
import { DEMO_ADMIN, needsSeed, seedDemo } from '../demo/seed.js';
import { createRuntime } from '../runtime.js';

export async function serve(config: Config): Promise<void> {
  const runtime = await createRuntime(config);
  if (config.demo && (await needsSeed(runtime))) {
    runtime.log.info('seeding the demo newsroom');
    await seedDemo(runtime);
  }
  const app = await buildApp(runtime);
  const shutdown = async (signal: string) => {
    runtime.log.info({ signal }, 'shutting down');
    await app.close();
    await runtime.close();
    process.exit(0);
  };
  process.once('SIGINT', () => void shutdown('SIGINT'));
  process.once('SIGTERM', () => void shutdown('SIGTERM'));
  await app.listen({ port: config.port, host: config.host });
  const lines = [`Tribune is serving ${config.baseUrl}`];
  if (config.demo) lines.push(`Demo admin: ${config.baseUrl}/login  email ${DEMO_ADMIN.email}  password ${DEMO_ADMIN.password}`);
  process.stderr.write(`\n${lines.join('\n')}\n\n`);
}
