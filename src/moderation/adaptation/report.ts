import type { LearnReport } from './learn.js';
import type { Figures } from './metrics.js';

const percent = (value: number) => (Number.isFinite(value) ? `${(value * 100).toFixed(1)}%` : 'n/a');
const decimal = (value: number) => (Number.isFinite(value) ? value.toFixed(3) : 'n/a');

/** The figures moderators and operators read, in one order everywhere (CLI, settings screen). */
export const FIGURE_ROWS: readonly { label: string; value: (figures: Figures) => string }[] = [
  { label: 'ROC-AUC (1 = every removal ranked above every approval)', value: (figures) => decimal(figures.auc) },
  { label: 'False-hold rate (approved comments it would hold)', value: (figures) => percent(figures.falseHoldRate) },
  { label: 'Removals caught (rejected comments it would hold)', value: (figures) => percent(figures.caughtRate) },
];

/** The before/after report as plain text lines. */
export function reportLines(report: LearnReport): string[] {
  const width = Math.max(...FIGURE_ROWS.map((row) => row.label.length));
  return [
    `Fitted on ${report.fitted} decisions; measured on the ${report.heldOut} most recent (since ${report.heldOutSince}), which it never saw.`,
    `Decisions: ${report.approvals} approved or kept, ${report.removals} rejected or removed. Hold threshold ${report.threshold}.`,
    '',
    `${''.padEnd(width)}  shipped model  with adaptation`,
    ...FIGURE_ROWS.map((row) => `${row.label.padEnd(width)}  ${row.value(report.before).padStart(13)}  ${row.value(report.after).padStart(15)}`),
  ];
}
