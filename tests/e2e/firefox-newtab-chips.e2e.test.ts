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
import { waitFor } from './harness/wait';

const INBOX = 'inbox-2019';
const NEVER = 'radhika.desai@vayu-aero.example';
const LATENCY_MS = 4000;

const labels = (page: Page): Promise<string[]> =>
  page.evaluate(() =>
    [...document.querySelectorAll('vivre-row-chip')].map((h) => h.getAttribute('aria-label') ?? ''),
  );

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
      await waitFor(
        async () => (await labels(second)).includes('Vivre: Rahul Sharma, AI score 87, hot lead'),
        'a chip from the mirror',
        { timeoutMs: LATENCY_MS },
      );
      const shownEarly = await labels(second);
      expect(Date.now() - opened).toBeLessThan(LATENCY_MS); // no request answered yet
      expect(shownEarly).toContain('Vivre: looking up Kabir Ahuja'); // not in the mirror
      expect(shownEarly.join('\n')).not.toMatch(/Radhika Desai, AI score/);
      // Once Vivre answers, Radhika is still not looked up.
      await waitFor(
        async () => (await labels(second)).includes('Vivre: Kabir Ahuja is not in Vivre'),
        'the worker’s answers',
      );
      expect((await labels(second)).join('\n')).not.toMatch(/Radhika Desai, AI score/);
    } finally {
      await second.close();
      await askWorkerOk(options, 'savePrivacy', { autoLookup: true, neverLookup: [] });
    }
  });
});

interface Storage {
  set(items: Record<string, unknown>): Promise<void>;
}
