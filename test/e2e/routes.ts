import type { FastifyInstance } from 'fastify';

export interface RegisteredRoute {
  method: string;
  path: string;
}

/**
 * Every route the running app registered, read from `printRoutes()` (a tree whose lines add path
 * segments under their parent), so a test's table can be checked against what really exists.
 */
export function registeredRoutes(app: FastifyInstance): RegisteredRoute[] {
  const stack: string[] = [];
  const routes: RegisteredRoute[] = [];
  for (const line of app.printRoutes({ commonPrefix: false }).split('\n')) {
    const match = /^([│├└─\s]*)(\S.*?) \(([A-Z, ]+)\)\s*$/.exec(line);
    if (!match) continue;
    const depth = Math.round(match[1].length / 4);
    stack.length = depth;
    const parent = stack[depth - 1] ?? '';
    const path = parent === '/' ? `/${match[2]}` : `${parent}${match[2]}`;
    stack[depth] = path;
    for (const method of match[3].split(',').map((name) => name.trim())) routes.push({ method, path });
  }
  return routes.filter((route) => route.method !== 'HEAD' && route.method !== 'OPTIONS');
}
