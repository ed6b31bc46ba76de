/**
 * What a failed test's Gmail tabs showed when it failed: each tab's address and, for each of our
 * frames in it (the card, the panel), whether it took input and the text it showed. A flaky
 * failure in CI then says what the rep would have seen, not only which locator timed out.
 */
import type { Page } from 'playwright-core';

const SHOWN_CHARS = 800;

async function framesOf(page: Page): Promise<string[]> {
  const lines: string[] = [];
  for (const frame of page.frames()) {
    if (!frame.url().startsWith('chrome-extension://')) continue;
    const seen = await frame
      .evaluate(
        (chars) => ({
          disabled: document.body?.getAttribute('aria-disabled') ?? null,
          text: (document.body?.innerText ?? '').replace(/\s+/g, ' ').slice(0, chars),
        }),
        SHOWN_CHARS,
      )
      .catch((error: unknown) => ({ disabled: null, text: `(unreadable: ${String(error)})` }));
    const path = new URL(frame.url()).pathname;
    lines.push(`  frame ${path} aria-disabled=${seen.disabled}: ${seen.text}`);
  }
  return lines;
}

/** Printed to the test's output; never throws (the test has failed already). */
export async function reportPages(pages: readonly Page[]): Promise<void> {
  const lines: string[] = [];
  for (const page of pages) {
    if (page.isClosed()) continue;
    lines.push(`tab ${page.url()}`, ...(await framesOf(page).catch(() => [])));
  }
  if (lines.length)
    console.error(`What the Gmail tabs showed when the test failed:\n${lines.join('\n')}`);
}
