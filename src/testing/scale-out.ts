/** The PostgreSQL + Redis suite's services; a missing one fails the test instead of skipping it. */
export function requireScaleOutEnv(): { databaseUrl: string; redisUrl: string } {
  const databaseUrl = process.env.TRIBUNE_TEST_DATABASE_URL;
  const redisUrl = process.env.TRIBUNE_TEST_REDIS_URL;
  if (!databaseUrl?.startsWith('postgres') || !redisUrl) {
    throw new Error('The scale-out suite needs TRIBUNE_TEST_DATABASE_URL=postgres://… and TRIBUNE_TEST_REDIS_URL=redis://… (run it with npm run test:pg)');
  }
  return { databaseUrl, redisUrl };
}
