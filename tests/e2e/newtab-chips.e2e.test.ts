/**
 * A new Gmail tab draws the chips of people already looked up from the chip mirror
 * (lib/content/lookups/mirror.ts), before the worker answers, in real Chromium against the
 * sandbox: the worker is kept busy while the second tab opens, so any chip that shows an answer
 * then came from the mirror. A never-look-up address never shows one.
 */
import { RAHUL } from '../factories';
import { REP_ELSEWHERE } from '../fixtures/gmail/variants';
import { describe, expect, test } from './fixtures';
import { askWorkerOk, chipNames, extensionWorker, waitForSettledChips } from './harness';

const THREAD = 'thread-expanded-2025';
const NEVER = 'vikram.reddy@bluestone.example';
/** How long the worker is kept from answering anything: enough to open a tab on a busy machine. */
const BUSY_MS = 8000;

describe('chips in a new tab', () => {
  test('show known people before the worker answers, and never a never-look-up address', async ({
    extension,
    extensionPage,
    gmail,
  }) => {
    const first = await gmail.variant(THREAD, REP_ELSEWHERE);
    await waitForSettledChips(first, 6);
    expect((await chipNames(first)).join('\n')).toMatch(/Vikram Reddy, AI score/);
    await askWorkerOk(extensionPage, 'savePrivacy', { autoLookup: true, neverLookup: [NEVER] });

    // The worker's one thread busy: no message is answered until `busyUntil`.
    const worker = await extensionWorker(extension);
    const busyUntil = await worker.evaluate((ms) => {
      const end = Date.now() + ms;
      setTimeout(() => {
        while (Date.now() < end);
      }, 0);
      return end;
    }, BUSY_MS);

    const second = await gmail.variant(THREAD, REP_ELSEWHERE);
    await expect
      .poll(() => chipNames(second), { timeout: BUSY_MS })
      .toContain(`Vivre: ${RAHUL.name}, AI score ${RAHUL.ai_score}, hot lead`);
    const shownEarly = await chipNames(second);
    expect(Date.now()).toBeLessThan(busyUntil); // the worker had answered nothing yet
    expect(shownEarly).toContain('Vivre: procurement-team is not in Vivre');
    // Vikram waits for the worker: the mirror dropped him when the rep listed him.
    expect(shownEarly).toContain('Vivre: looking up Vikram Reddy');
    expect(shownEarly.join('\n')).not.toMatch(/Vikram Reddy, AI score/);

    // Once the worker answers, it stays so: Vikram is not looked up.
    await new Promise((resolve) => setTimeout(resolve, Math.max(0, busyUntil - Date.now())));
    await waitForSettledChips(second, 4);
    await expect
      .poll(async () => (await chipNames(second)).join('\n'))
      .not.toMatch(/Vikram Reddy, AI score|looking up Vikram/);
    expect((await chipNames(second)).join('\n')).not.toMatch(/Vikram Reddy, AI score/);
    await askWorkerOk(extensionPage, 'savePrivacy', { autoLookup: true, neverLookup: [] });
  });
});
