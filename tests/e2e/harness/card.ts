/**
 * Chips and the card as a rep (and a screen reader) meets them. Chips have closed shadow roots
 * and the card is an extension page in a frame, so tests do not reach into either through the
 * page: they click a chip host's box, find the card's frame among the page's frames, and read
 * chips' names from the browser's accessibility tree (what a screen reader is given).
 */
import { readFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import type { Frame, Page } from 'playwright-core';
import { waitFor } from './wait';

/** The card's frame (card.html), once the content script has made it. */
export function cardFrame(page: Page): Promise<Frame> {
  return waitFor(
    () => page.frames().find((frame) => new URL(frame.url()).pathname === '/card.html'),
    'the card frame',
  );
}

/** Clicks the box of the `nth` chip host of `email`, as a rep clicks the chip; returns the card. */
export async function openCardOf(page: Page, email: string, nth = 0) {
  await page.locator(`[data-vivre-email="${email}"]`).nth(nth).click();
  return (await cardFrame(page)).getByRole('dialog');
}

interface AXNode {
  role?: { value?: string };
  name?: { value?: string };
  properties?: { name: string; value: { value?: unknown } }[];
}

async function accessibilityTree(page: Page): Promise<AXNode[]> {
  const session = await page.context().newCDPSession(page);
  try {
    return ((await session.send('Accessibility.getFullAXTree')) as { nodes: AXNode[] }).nodes;
  } finally {
    await session.detach();
  }
}

/** The accessible names of every chip in Gmail's page (not in the card), in document order. */
export async function chipNames(page: Page): Promise<string[]> {
  return (await accessibilityTree(page))
    .filter((node) => node.role?.value === 'button' && node.name?.value?.startsWith('Vivre: '))
    .map((node) => node.name!.value!);
}

/**
 * The names of our images in Gmail's page: list-row chips ("Vivre: …") and hot-lead marks
 * ("Hot lead: …"), in document order. Their names are inside closed roots, where page script
 * cannot read them and a screen reader can.
 */
export async function imageNames(page: Page): Promise<string[]> {
  return (await accessibilityTree(page))
    .filter((node) => node.role?.value === 'image' || node.role?.value === 'img')
    .map((node) => node.name?.value ?? '')
    .filter((name) => /^(Vivre|Hot lead): /.test(name));
}

/** The accessible name of the focused element of Gmail's page, or null. */
export async function focusedName(page: Page): Promise<string | null> {
  // The page itself (RootWebArea) is reported focused too, before the element that has focus.
  const focused = (await accessibilityTree(page))
    .filter((node) => node.properties?.some((p) => p.name === 'focused' && p.value.value === true))
    .filter((node) => node.role?.value !== 'RootWebArea')
    .at(-1);
  return focused?.name?.value ?? null;
}

const AXE_SOURCE = readFileSync(
  createRequire(import.meta.url).resolve('axe-core/axe.min.js'),
  'utf8',
);

/** Serious and critical axe violations inside the card's frame (axe cannot reach it from Gmail). */
export async function cardViolations(frame: Frame): Promise<string[]> {
  await frame.evaluate(AXE_SOURCE);
  return frame.evaluate(`axe.run(document, { resultTypes: ['violations'] }).then((results) =>
    results.violations
      .filter((v) => v.impact === 'serious' || v.impact === 'critical')
      .map((v) => v.id + ': ' + v.nodes.map((n) => JSON.stringify(n.target)).join(', ')))`);
}
