/**
 * Gmail's own scripts against email logging and our lifetime, in real Chromium: page script
 * (Playwright's `page.evaluate`, the main world where Gmail's code runs) fakes a send, fakes
 * Undo on the rep's send, and dispatches WXT's "started" event that would end the content script.
 * None of it acts; each attack is paired with the rep doing the same thing (Playwright's clicks
 * are the browser's trusted input), which does.
 */
import { DEEPA, RAHUL, SNEHA } from '../factories';
import { REP_ELSEWHERE } from '../fixtures/gmail/variants';
import { describe, expect } from './fixtures';
import {
  emailsWithSubject,
  HELD,
  heldSends,
  SNEHA_AND_DEEPA,
  test,
} from './email-logging-fixtures';
import { openCardOf, waitFor, waitForSettledChips } from './harness';
import { countHosts, dispatchWxtStarted, forgeSend, forgeUndo } from './harness/page-script';
import { repStatus } from './harness/rep-controls';

const WILL_LOG =
  'Vivre will log this email for Sneha Kulkarni, Deepa Menon once Gmail has sent it.';

describe("Gmail's page script and the rep's sends", () => {
  test('cannot send: a send it fakes logs nothing, and the rep’s Send logs once', async ({
    sandbox,
    extensionPage,
    compose,
    copiesOnceSynced,
  }) => {
    const before = await sandbox.counts();
    const forged = await compose('E2E forged', SNEHA_AND_DEEPA);
    await forged.page.evaluate(forgeSend, `${forged.subject} by page script`);
    await forged.page.getByText('Message sent').waitFor({ timeout: 10_000 });
    // Gmail's Undo window (5 s here) ends: a send the tab held would be logged now.
    await forged.page.locator('#link_undo').waitFor({ state: 'hidden', timeout: 15_000 });

    const real = await compose('E2E real', SNEHA_AND_DEEPA);
    await real.page.getByRole('button', { name: /^Send/ }).click();
    expect(await copiesOnceSynced(real.subject, [SNEHA, DEEPA])).toEqual([1, 1]);
    // Whatever was queued before the rep's send has synced with it: only the rep's two.
    const after = await sandbox.counts();
    expect(after.activities).toBe(before.activities + 2);
    expect(after.contacts).toBe(before.contacts);
    expect(await emailsWithSubject(sandbox, SNEHA, `${forged.subject} by page script`)).toEqual([]);
    expect(await heldSends(extensionPage)).toEqual([]);
  });

  test('cannot undo: the rep’s send stands through its Undo, and is logged once', async ({
    extensionPage,
    compose,
    copiesOnceSynced,
  }) => {
    const { page, subject } = await compose('E2E forged undo', SNEHA_AND_DEEPA);
    await page.getByRole('button', { name: /^Send/ }).click();
    await expect.poll(() => repStatus(page, HELD), { timeout: 10_000 }).toBe(WILL_LOG);
    await page.locator('#link_undo').waitFor();
    // The fixture's Gmail takes the click: "Sending undone." and the draft back open.
    await page.evaluate(forgeUndo);
    await page.getByText('Sending undone.').waitFor();
    expect(await copiesOnceSynced(subject, [SNEHA, DEEPA])).toEqual([1, 1]);
    expect(await heldSends(extensionPage)).toEqual([]);
  });
});

describe("Gmail's page script and the content script's lifetime", () => {
  test('cannot end it with WXT’s “started” event: chips, hosts and Undo go on', async ({
    sandbox,
    extension,
    extensionPage,
    gmail,
    compose,
  }) => {
    const thread = await gmail.variant('thread-expanded-2025', REP_ELSEWHERE);
    await waitForSettledChips(thread, 6);
    // Every host the tab makes on its own is there first: the card's frame is warmed when the
    // tab is idle and "Log this email" is injected on demand, both after the chips settle.
    await expect
      .poll(() => thread.evaluate(countHosts), { timeout: 10_000 })
      .toMatchObject({ 'vivre-card': 1, 'vivre-log-email': 2 });
    const hosts = await thread.evaluate(countHosts);
    expect(hosts['vivre-chip']).toBeGreaterThanOrEqual(6);
    await thread.evaluate(dispatchWxtStarted, extension.extensionId);
    expect(await thread.evaluate(countHosts)).toEqual(hosts);
    const card = await openCardOf(thread, RAHUL.email);
    await expect.poll(() => card.textContent()).toContain(RAHUL.name);

    const { page, subject } = await compose('E2E lifetime', SNEHA_AND_DEEPA);
    await page.getByRole('button', { name: /^Send/ }).click();
    await expect.poll(() => repStatus(page, HELD), { timeout: 10_000 }).toBe(WILL_LOG);
    await page.evaluate(dispatchWxtStarted, extension.extensionId);
    expect(await page.evaluate(countHosts)).toMatchObject({ [HELD]: 1 });
    // The rep's Undo is still heard: nothing is held, nothing logged.
    await page.locator('#link_undo').click();
    await expect.poll(() => repStatus(page, HELD)).toBe('Sending undone: Vivre logged nothing.');
    await waitFor(async () => (await heldSends(extensionPage)).length === 0, 'nothing held');
    expect(await emailsWithSubject(sandbox, SNEHA, subject)).toEqual([]);
  });
});
