/**
 * Accessibility as the E2E tests check it: axe-core on the live page, following open
 * shadow roots, so the chips, cards and compose controls inside our hosts are checked
 * as a screen reader meets them.
 */
import { AxeBuilder } from '@axe-core/playwright';
import type { Page } from 'playwright-core';

export interface AxeFindings {
  /** Serious and critical violations, `rule: targets`; none is the only pass. */
  serious: string[];
  /** The rules that found something to check and passed (proof axe looked where it should). */
  passed: string[];
}

/** Runs axe on the page, or only inside the elements `within` selects (e.g. our hosts). */
export async function axeFindings(page: Page, within?: string): Promise<AxeFindings> {
  const builder = new AxeBuilder({ page });
  const { violations, passes } = await (within ? builder.include(within) : builder).analyze();
  return {
    serious: violations
      .filter((v) => v.impact === 'serious' || v.impact === 'critical')
      .map((v) => `${v.id}: ${v.nodes.map((n) => JSON.stringify(n.target)).join(', ')}`),
    passed: passes.map((p) => p.id),
  };
}

/** Serious and critical accessibility problems on the page, or inside `within` only. */
export async function seriousViolations(page: Page, within?: string): Promise<string[]> {
  return (await axeFindings(page, within)).serious;
}
