/**
 * Gmail as reps meet it, in real Chromium against the sandbox: a long thread whose earlier
 * messages are collapsed, in another UI language (thread-locale-de.html, see its provenance).
 * Collapsed messages carry no data-message-id; their senders still get a chip.
 */
import type { Page } from 'playwright-core';
import { DEEPA, RAHUL } from '../factories';
import { describe, expect, test } from './fixtures';
import { waitFor } from './harness';

interface ShownChip {
  email: string;
  label: string;
  inCollapsed: boolean;
  inDetailsPopup: boolean;
}

/** The chips a rep can see: hosts not hidden, with their accessible names. */
function shownChips(page: Page): Promise<ShownChip[]> {
  return page.evaluate(() =>
    [...document.querySelectorAll('vivre-chip[data-vivre-email]:not([hidden])')].map((host) => ({
      email: host.getAttribute('data-vivre-email') ?? '',
      label: host.shadowRoot?.querySelector('button')?.getAttribute('aria-label') ?? '',
      inCollapsed: host.closest('.kv') !== null,
      inDetailsPopup: host.closest('.ajC') !== null,
    })),
  );
}

describe('a thread with collapsed messages', () => {
  test('shows a chip with the Vivre score for every sender, collapsed ones included', async ({
    gmail,
  }) => {
    const page = await gmail.open('thread-locale-de');
    const chips = await waitFor(async () => {
      const shown = await shownChips(page);
      const settled = shown.filter((chip) => /AI score|not in Vivre/.test(chip.label));
      return settled.length >= 3 && shown;
    }, 'the senders’ chips to show their lookups');

    // Senders: Deepa (collapsed message 1) and Rahul (message 2); message 3 is the rep's own.
    const deepa = chips.filter((chip) => chip.email === DEEPA.email);
    expect(deepa).toEqual([
      {
        email: DEEPA.email,
        label: expect.stringMatching(/AI score/),
        inCollapsed: true,
        inDetailsPopup: false,
      },
    ]);
    expect(chips.filter((chip) => chip.email === RAHUL.email).length).toBeGreaterThanOrEqual(1);
    expect(chips.some((chip) => chip.inDetailsPopup)).toBe(false);
  });
});
