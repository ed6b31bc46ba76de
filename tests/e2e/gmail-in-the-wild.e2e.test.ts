/**
 * Gmail as reps meet it, in real Chromium against the sandbox: a long thread whose earlier
 * messages are collapsed, in another UI language (thread-locale-de.html, see its provenance).
 * Collapsed messages carry no data-message-id; their senders still get a chip.
 */
import type { Page } from 'playwright-core';
import { DEEPA, RAHUL } from '../factories';
import { describe, expect, test } from './fixtures';
import { chipNames, waitFor } from './harness';

interface ShownHost {
  email: string;
  inCollapsed: boolean;
  inDetailsPopup: boolean;
}

/**
 * The chip hosts a rep can see (not hidden) and where they sit. What each says is inside a
 * closed root: it is read from the accessibility tree (`chipNames`), as a screen reader would.
 */
function shownHosts(page: Page): Promise<ShownHost[]> {
  return page.evaluate(() =>
    [...document.querySelectorAll('vivre-chip[data-vivre-email]:not([hidden])')].map((host) => ({
      email: host.getAttribute('data-vivre-email') ?? '',
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
    const names = await waitFor(async () => {
      const all = await chipNames(page);
      return all.filter((name) => /AI score|not in Vivre/.test(name)).length >= 3 && all;
    }, 'the senders’ chips to show their lookups');

    // Senders: Deepa (collapsed message 1) and Rahul (message 2); message 3 is the rep's own.
    expect(names.filter((name) => name.startsWith(`Vivre: ${DEEPA.name},`))).toEqual([
      expect.stringMatching(/AI score 80/),
    ]);
    expect(names.some((name) => name.startsWith(`Vivre: ${RAHUL.name}, AI score`))).toBe(true);
    const hosts = await shownHosts(page);
    expect(hosts.filter((host) => host.email === DEEPA.email)).toEqual([
      { email: DEEPA.email, inCollapsed: true, inDetailsPopup: false },
    ]);
    expect(hosts.some((host) => host.inDetailsPopup)).toBe(false);
  });
});
