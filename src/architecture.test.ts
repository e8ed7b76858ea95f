// The dependency rules, checked on every `npm test` over src/ and client/ (tests and their helpers aside):
// - No cycle between src/'s top-level folders, through run-time or type imports (a shared folder may name a
//   domain's types without that counting: shared code describes, domains run).
// - Another folder uses a domain only through its public entries: index.ts, contract.ts (routes' schemas,
//   events, error codes) and browser.ts (markup the browser bundles too). Shared folders (SHARED below)
//   may be imported anywhere, and import no domain at run time.
// - client/ uses src/ through the same entries; what it imports at run time must not reach Node or a
//   server package, since esbuild would bundle it for the browser.
import { existsSync, readdirSync, readFileSync, statSync } from 'node:fs';
import { dirname, join, relative, resolve, sep } from 'node:path';
import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';

/** One import: `to` is a project path (`src/…`, `client/…`) or a package (`kysely`, `node:fs`). */
interface ImportEdge {
  from: string;
  to: string;
  /** `import type` / `export type`: gone at run time, but still a dependency between folders. */
  typeOnly: boolean;
}

/** Folders every domain may use, inside and out; they use no domain at run time. */
const SHARED = new Set(['db', 'events', 'web', 'text', 'mail']);
/** A domain's public faces: its index.ts, its typed contract, and its browser-safe entry. */
const PUBLIC_ENTRIES = new Set(['index.ts', 'contract.ts', 'browser.ts']);
/** Packages browser code may bundle (none yet: the browser bundles are dependency-free). */
const BROWSER_PACKAGES = new Set<string>();

/** The top-level folder of src/ a path is in; undefined for src/'s own files and for client/. */
function srcFolder(path: string): string | undefined {
  const parts = path.split('/');
  return parts[0] === 'src' && parts.length > 2 ? parts[1] : undefined;
}

/** One cycle through `start` inside its strongly connected set, as `a -> b -> a`. */
function cycleThrough(start: string, graph: Map<string, Set<string>>, members: Set<string>): string {
  const previous = new Map<string, string>();
  const queue = [start];
  while (queue.length > 0) {
    const node = queue.shift()!;
    for (const next of [...(graph.get(node) ?? [])].sort()) {
      if (!members.has(next)) continue;
      if (next === start) {
        const path = [node];
        while (path[0] !== start) path.unshift(previous.get(path[0])!);
        return [...path, start].join(' -> ');
      }
      if (!previous.has(next)) {
        previous.set(next, node);
        queue.push(next);
      }
    }
  }
  return start;
}

function folderCycles(edges: readonly ImportEdge[]): string[] {
  const graph = new Map<string, Set<string>>();
  for (const edge of edges) {
    const a = srcFolder(edge.from);
    const b = srcFolder(edge.to);
    if (!a || !b || a === b) continue;
    // Shared code may name a domain's types (the live stream's events), never run it: not a cycle.
    if (edge.typeOnly && SHARED.has(a)) continue;
    if (!graph.has(a)) graph.set(a, new Set());
    graph.get(a)!.add(b);
  }
  // Tarjan's strongly connected components.
  let counter = 0;
  const index = new Map<string, number>();
  const low = new Map<string, number>();
  const stack: string[] = [];
  const onStack = new Set<string>();
  const components: Set<string>[] = [];
  const visit = (node: string) => {
    index.set(node, counter);
    low.set(node, counter++);
    stack.push(node);
    onStack.add(node);
    for (const next of graph.get(node) ?? []) {
      if (!index.has(next)) {
        visit(next);
        low.set(node, Math.min(low.get(node)!, low.get(next)!));
      } else if (onStack.has(next)) low.set(node, Math.min(low.get(node)!, index.get(next)!));
    }
    if (low.get(node) === index.get(node)) {
      const component = new Set<string>();
      let member: string;
      do {
        member = stack.pop()!;
        onStack.delete(member);
        component.add(member);
      } while (member !== node);
      if (component.size > 1) components.push(component);
    }
  };
  for (const node of [...graph.keys()].sort()) if (!index.has(node)) visit(node);
  return components
    .map((component) => {
      const members = [...component].sort();
      const cycle = cycleThrough(members[0], graph, component);
      return `cycle between src/ folders: ${cycle}${members.length > 2 ? ` (all of ${members.join(', ')} depend on each other)` : ''}`;
    })
    .sort();
}

/** What breaks the rules (top of this file), one line each; empty when the graph is clean. */
function dependencyProblems(edges: readonly ImportEdge[]): string[] {
  const problems = folderCycles(edges);
  const bySource = new Map<string, ImportEdge[]>();
  for (const edge of edges) bySource.set(edge.from, [...(bySource.get(edge.from) ?? []), edge]);

  for (const edge of edges) {
    const target = srcFolder(edge.to);
    if (!target || SHARED.has(target) || srcFolder(edge.from) === target) continue;
    const inside = edge.to.slice(`src/${target}/`.length);
    if (!PUBLIC_ENTRIES.has(inside)) problems.push(`reach-in: ${edge.from} -> ${edge.to} (use src/${target}/index.ts)`);
    const source = srcFolder(edge.from);
    if (source && SHARED.has(source) && !edge.typeOnly) problems.push(`shared folder imports a domain at run time: ${edge.from} -> ${edge.to}`);
  }

  // What a browser bundle would pull in through each run-time import of src/ from client/.
  for (const edge of edges) {
    if (!edge.from.startsWith('client/') || !edge.to.startsWith('src/') || edge.typeOnly) continue;
    const seen = new Set<string>([edge.to]);
    const pending = [edge.to];
    let offence: string | undefined;
    while (pending.length > 0 && !offence) {
      const file = pending.shift()!;
      for (const next of bySource.get(file) ?? []) {
        if (next.typeOnly) continue;
        const isPackage = !next.to.startsWith('src/') && !next.to.startsWith('client/');
        if (isPackage && (next.to.startsWith('node:') || !BROWSER_PACKAGES.has(next.to))) {
          offence = `${file}, which imports ${next.to}`;
          break;
        }
        if (!isPackage && !seen.has(next.to)) {
          seen.add(next.to);
          pending.push(next.to);
        }
      }
    }
    if (offence) problems.push(`not browser-safe: ${edge.from} -> ${edge.to} runs ${offence}`);
  }
  return problems;
}

const ROOT = resolve(dirname(fileURLToPath(import.meta.url)), '..');

/** Tests and their helpers may reach anywhere: they are not part of the running system. */
const isTestFile = (path: string) =>
  /\.(test|e2e|scaleout|slow)\.ts$/.test(path) || /(^|\/)(testing|tests)(\/|\.ts$)|test-(fixtures|helpers)\.ts$/.test(path);

function sourceFiles(dir: string): string[] {
  return readdirSync(dir).flatMap((name) => {
    const path = join(dir, name);
    if (statSync(path).isDirectory()) return sourceFiles(path);
    return name.endsWith('.ts') ? [path] : [];
  });
}

const STATIC = /^[ \t]*(import|export)\s+(type\s+)?([^;'"]*?)\s*from\s*['"]([^'"]+)['"]/gm;
const SIDE_EFFECT = /^[ \t]*import\s*['"]([^'"]+)['"]/gm;
const DYNAMIC = /\bimport\(\s*['"]([^'"]+)['"]\s*\)/g;

/** Every import of the project's own code in src/ and client/, with where it points. */
function scanImports(): ImportEdge[] {
  const edges: ImportEdge[] = [];
  const files = [...sourceFiles(join(ROOT, 'src')), ...sourceFiles(join(ROOT, 'client'))];
  for (const file of files) {
    const from = relative(ROOT, file).split(sep).join('/');
    if (isTestFile(from)) continue;
    const text = readFileSync(file, 'utf8');
    const add = (specifier: string, typeOnly: boolean) => {
      if (!specifier.startsWith('.')) return edges.push({ from, to: specifier, typeOnly });
      let target = resolve(dirname(file), specifier);
      if (target.endsWith('.js') && existsSync(`${target.slice(0, -3)}.ts`)) target = `${target.slice(0, -3)}.ts`;
      return edges.push({ from, to: relative(ROOT, target).split(sep).join('/'), typeOnly });
    };
    for (const match of text.matchAll(STATIC)) add(match[4], Boolean(match[2]));
    for (const match of text.matchAll(SIDE_EFFECT)) add(match[1], false);
    for (const match of text.matchAll(DYNAMIC)) add(match[1], false);
  }
  return edges;
}

describe('the dependency rules', () => {
  it('hold for src/ and client/: no cycles between folders, no reach-ins, browser code stays browser-safe', () => {
    const edges = scanImports();
    // The scan must see the code it judges (a broken pattern would find nothing and pass).
    expect(edges.filter((edge) => edge.from.startsWith('src/') && edge.to.startsWith('src/')).length).toBeGreaterThan(500);
    expect(edges.some((edge) => edge.from.startsWith('client/') && edge.to.startsWith('src/'))).toBe(true);
    expect(dependencyProblems(edges)).toEqual([]);
  });

  describe('fail on a synthetic graph', () => {
    const edge = (from: string, to: string, typeOnly = false): ImportEdge => ({ from, to, typeOnly });

    it('passes a clean one', () => {
      expect(dependencyProblems([
        edge('src/comments/service.ts', 'src/moderation/index.ts'),
        edge('src/comments/service.ts', 'src/web/html.ts'),
        edge('src/moderation/pipeline.ts', 'src/moderation/phases/index.ts'),
        edge('src/app.ts', 'src/comments/index.ts'),
        edge('client/widget/main.ts', 'src/comments/browser.ts'),
        edge('src/comments/browser.ts', 'src/web/html.ts'),
        edge('client/widget/types.ts', 'src/comments/index.ts', true),
      ])).toEqual([]);
    });

    it('finds a cycle between domains, also through a shared folder', () => {
      expect(dependencyProblems([
        edge('src/comments/service.ts', 'src/moderation/index.ts'),
        edge('src/moderation/queue.ts', 'src/comments/index.ts'),
      ])).toEqual(['cycle between src/ folders: comments -> moderation -> comments']);
      const throughWeb = dependencyProblems([edge('src/articles/page.ts', 'src/web/html.ts'), edge('src/web/teasers.ts', 'src/articles/index.ts')]);
      expect(throughWeb).toContain('cycle between src/ folders: articles -> web -> articles');
    });

    it('finds a cycle made only of type imports between domains, but lets shared code name a domain type', () => {
      expect(dependencyProblems([
        edge('src/comments/types.ts', 'src/moderation/index.ts', true),
        edge('src/moderation/types.ts', 'src/comments/index.ts', true),
      ])).toEqual(['cycle between src/ folders: comments -> moderation -> comments']);
      expect(dependencyProblems([edge('src/comments/live.ts', 'src/web/sse.ts'), edge('src/web/contract.ts', 'src/comments/contract.ts', true)])).toEqual([]);
      expect(dependencyProblems([
        edge('src/accounts/http.ts', 'src/web/html.ts'),
        edge('src/web/layout.ts', 'src/comments/index.ts'),
        edge('src/comments/service.ts', 'src/accounts/index.ts'),
      ])).toContain('cycle between src/ folders: accounts -> web -> comments -> accounts (all of accounts, comments, web depend on each other)');
    });

    it('finds a reach-in past index.ts, from a domain, from the root and from client/', () => {
      expect(dependencyProblems([
        edge('src/comments/service.ts', 'src/moderation/phases/words.ts'),
        edge('src/app.ts', 'src/comments/plugin.ts'),
        edge('client/widget/types.ts', 'src/comments/types.ts', true),
      ])).toEqual([
        'reach-in: src/comments/service.ts -> src/moderation/phases/words.ts (use src/moderation/index.ts)',
        'reach-in: src/app.ts -> src/comments/plugin.ts (use src/comments/index.ts)',
        'reach-in: client/widget/types.ts -> src/comments/types.ts (use src/comments/index.ts)',
      ]);
    });

    it('finds a shared folder that runs a domain, and browser code that would bundle Node', () => {
      expect(dependencyProblems([edge('src/web/page.ts', 'src/articles/index.ts')])).toEqual([
        'shared folder imports a domain at run time: src/web/page.ts -> src/articles/index.ts',
      ]);
      expect(dependencyProblems([
        edge('client/widget/main.ts', 'src/comments/browser.ts'),
        edge('src/comments/browser.ts', 'src/comments/markup.ts'),
        edge('src/comments/markup.ts', 'node:crypto'),
        edge('client/widget/main.ts', 'src/comments/index.ts'),
        edge('src/comments/index.ts', 'kysely'),
      ])).toEqual([
        'not browser-safe: client/widget/main.ts -> src/comments/browser.ts runs src/comments/markup.ts, which imports node:crypto',
        'not browser-safe: client/widget/main.ts -> src/comments/index.ts runs src/comments/index.ts, which imports kysely',
      ]);
    });
  });
});
