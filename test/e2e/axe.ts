import { readFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import type { Page } from 'playwright-core';

const require = createRequire(import.meta.url);
const AXE_SOURCE = readFileSync(require.resolve('axe-core/axe.min.js'), 'utf8');

export interface AxeViolation {
  id: string;
  impact: string | null;
  help: string;
  nodes: string[];
}

/**
 * Runs axe-core over the page as it is now, with every rule axe ships enabled by default (WCAG A/AA and
 * best practices). Evaluated through the DevTools protocol, not a <script> tag: the site's CSP allows no
 * inline script, and the page under test keeps its real CSP.
 */
export async function axeViolations(page: Page): Promise<{ violations: AxeViolation[]; passes: number }> {
  if (!(await page.evaluate(() => 'axe' in window))) await page.evaluate(AXE_SOURCE);
  return page.evaluate(async () => {
    const axe = (window as unknown as { axe: { run(context: Document, options: object): Promise<AxeResults> } }).axe;
    interface AxeResults {
      violations: { id: string; impact: string | null; help: string; nodes: { target: unknown[]; html: string }[] }[];
      passes: unknown[];
    }
    const results = await axe.run(document, { resultTypes: ['violations'] });
    return {
      passes: results.passes.length,
      violations: results.violations.map((violation) => ({
        id: violation.id,
        impact: violation.impact,
        help: violation.help,
        nodes: violation.nodes.slice(0, 5).map((node) => `${JSON.stringify(node.target)} ${node.html.slice(0, 200)}`),
      })),
    };
  });
}
