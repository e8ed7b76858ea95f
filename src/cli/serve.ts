import { buildApp } from '../app.js';
import type { Config } from '../config.js';
import { DEMO_ADMIN, needsSeed, seedDemo } from '../demo/index.js';
import { MultiInstanceWithoutRedisError, registerInstance, type InstanceRegistration } from '../instances.js';
import { createRuntime } from '../runtime.js';
import { FatalError } from './args.js';

export async function serve(config: Config): Promise<void> {
  const runtime = await createRuntime(config);
  let registration: InstanceRegistration | undefined;
  if (runtime.dialect === 'postgres') {
    try {
      registration = await registerInstance(runtime, { hasRedis: Boolean(config.redisUrl) });
    } catch (error) {
      await runtime.close();
      if (error instanceof MultiInstanceWithoutRedisError) throw new FatalError(error.message);
      throw error;
    }
  }
  if (config.demo && (await needsSeed(runtime))) {
    runtime.log.info('seeding the demo newsroom');
    await seedDemo(runtime);
  }
  const app = await buildApp(runtime);
  let stopping = false;
  const shutdown = async (signal: string) => {
    if (stopping) return;
    stopping = true;
    runtime.log.info({ signal }, 'shutting down');
    await app.close();
    await registration?.stop();
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
