/**
 * The chip mirror in Firefox, whose content scripts read storage.local too: a new Gmail tab's
 * list chips show the people the mirror holds before the worker answers (every request to Vivre
 * takes seconds here, and the worker's cache is empty), and never a never-look-up address.
 *
 * Unlike tests/e2e/newtab-chips.e2e.test.ts, the worker is not kept busy: in Firefox that holds
 * the new tab's loading too. The mirror is the worker's as it was before the cache was cleared,
 * put back from the options page; the rep's never-look-up list then has the worker drop one.
 */
import type { Page } from 'puppeteer-core';
import type { ChipMirror } from '@/lib/shared/storage/table';
import { describe, expect, test } from './fixtures';
import { askWorkerOk } from './harness';
import { openFirefoxFixture } from './harness/firefox';
import { drawnHosts } from './harness/firefox-rows';
import { waitFor } from './harness/wait';

const INBOX = 'inbox-2019';
const NEVER = 'radhika.desai@vayu-aero.example';
const LATENCY_MS = 4000;

const RAHUL = 'rahul.sharma@acme-tech.example';
const KABIR = 'kabir.ahuja@monsoon-travel.example';
const SNEHA = 'sneha.kulkarni@acme-tech.example';

/**
 * The row chips that draw a score, by their row's address: names and scores are drawn inside
 * closed roots (issue 24), so the test reads what is on screen; a chip looking up, or for
 * someone not in Vivre, draws nothing.
 */
const scored = async (page: Page): Promise<string[]> =>
  (await drawnHosts(page, 'vivre-row-chip')).filter((c) => c.drawn).map((c) => c.email ?? '');

describe('list chips in a new tab, in Firefox', () => {
  test.scoped({ sandboxOptions: { faults: { latencyMs: LATENCY_MS } } });

  test('show mirrored people before the worker answers, never a never-look-up address', async ({
    firefox,
  }) => {
    const { options } = firefox;
    await askWorkerOk(options, 'clearContactCache');
    const mirror: ChipMirror = {
      'rahul.sharma@acme-tech.example': { name: 'Rahul Sharma', score: 87, fetchedAt: Date.now() },
      [NEVER]: { name: 'Radhika Desai', score: 53, fetchedAt: Date.now() },
    };
    await options.evaluate(async (value) => {
      const local = (globalThis as unknown as { browser: { storage: { local: Storage } } }).browser
        .storage.local;
      await local.set({ 'chip-mirror': value });
    }, mirror);
    await askWorkerOk(options, 'savePrivacy', { autoLookup: true, neverLookup: [NEVER] });

    const second = await openFirefoxFixture(firefox, INBOX);
    const opened = Date.now();
    try {
      await second.setViewport({ width: 1400, height: 900 });
      await waitFor(async () => (await scored(second)).includes(RAHUL), 'a chip from the mirror', {
        timeoutMs: LATENCY_MS,
      });
      const shownEarly = await scored(second);
      expect(Date.now() - opened).toBeLessThan(LATENCY_MS); // no request answered yet
      expect(shownEarly).not.toContain(SNEHA); // in Vivre, not in the mirror: still looking up
      expect(shownEarly).not.toContain(NEVER);
      // Once Vivre answers, the others are drawn, and Radhika is still not looked up.
      await waitFor(async () => (await scored(second)).includes(SNEHA), 'the worker’s answers');
      const answered = await scored(second);
      expect(answered).not.toContain(NEVER);
      expect(answered).not.toContain(KABIR); // not in Vivre: nothing drawn
    } finally {
      await second.close();
      await askWorkerOk(options, 'savePrivacy', { autoLookup: true, neverLookup: [] });
    }
  });
});

interface Storage {
  set(items: Record<string, unknown>): Promise<void>;
}
