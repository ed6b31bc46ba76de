/**
 * Gmail's Schedule send in real Chromium against the sandbox (issue 27, part 4): a scheduled
 * email is held by the worker until its scheduled time, not logged when Gmail's Undo window
 * ends, logged once when its time comes (the worker's clock moved on: its held send made due and
 * the alarm rung), and dropped when the rep cancels it in the tab.
 */
import { DEEPA, SNEHA } from '../factories';
import { SCHEDULE_SEND } from '../fixtures/gmail/variants';
import { describe, expect } from './fixtures';
import { emailsWithSubject, HELD, SNEHA_AND_DEEPA, test } from './email-logging-fixtures';
import { evaluateFunctionInContentScript } from './harness/content-world';
import { askAsContentScript } from './harness/content-script-acts';
import { settledOutboxFeed, waitFor } from './harness';
import { repStatus } from './harness/rep-controls';
import { heldSendIds, heldSendsComeDue, workerItemValue } from './harness/worker-storage';
import type { Page } from 'playwright-core';

const DRAFT = '#msg-a:r-3333333333333333333';

/** The rep schedules the open compose for "Tomorrow morning" through Gmail's own menus. */
async function scheduleTomorrowMorning(page: Page) {
  await page.getByRole('button', { name: 'More send options' }).click();
  await page.getByRole('menuitem', { name: 'Schedule send' }).click();
  await page.getByRole('menuitem', { name: /^Tomorrow morning/ }).click();
}

/** Tomorrow at 8:00 in the browser's time zone, as the rep chose it. */
const tomorrowAtEight = (page: Page) =>
  page.evaluate(() => {
    const day = new Date(Date.now() + 864e5);
    return new Date(day.getFullYear(), day.getMonth(), day.getDate(), 8).getTime();
  });

describe('Gmail’s Schedule send', () => {
  test('holds a scheduled email past the Undo window and logs it once at its time', async ({
    sandbox,
    extension,
    extensionPage,
    compose,
    copiesOnceSynced,
  }) => {
    const { page, subject } = await compose('E2E scheduled', SNEHA_AND_DEEPA, SCHEDULE_SEND);
    await scheduleTomorrowMorning(page);
    await expect
      .poll(() => repStatus(page, HELD), { timeout: 10_000 })
      .toMatch(/^Vivre will log this email on .+\.$/);
    await waitFor(
      async () => (await heldSendIds(extensionPage)).includes(DRAFT),
      'the worker to hold the scheduled send',
    );
    const held = await workerItemValue<Record<string, { commitAt: number; scheduled?: boolean }>>(
      extensionPage,
      'held-email-logs',
    );
    expect(held?.[DRAFT]).toMatchObject({ commitAt: await tomorrowAtEight(page), scheduled: true });

    // Gmail's Undo window ends (the fixture hides the link after 5 s): nothing is logged.
    await page.locator('#link_undo').waitFor({ state: 'hidden', timeout: 15_000 });
    // A page driving our content script cannot settle it as sent before its time either.
    const early = await evaluateFunctionInContentScript(
      extension,
      page,
      askAsContentScript,
      'settleEmailLog',
      {
        sendId: DRAFT,
        outcome: 'sent',
      },
    );
    expect(early).toEqual({ ok: true, value: null });
    expect(await heldSendIds(extensionPage)).toEqual([DRAFT]);
    const waiting = (await settledOutboxFeed(extensionPage))?.waiting ?? [];
    expect(
      waiting.filter(
        (item) => item.write.kind === 'logActivity' && item.write.body.note?.startsWith(subject),
      ),
    ).toEqual([]);
    expect(await emailsWithSubject(sandbox, SNEHA, subject)).toEqual([]);

    // Its time comes: the alarm logs it, once, even with the tab closed.
    await page.close();
    await heldSendsComeDue(extensionPage);
    expect(await copiesOnceSynced(subject, [SNEHA, DEEPA])).toEqual([1, 1]);
    expect(await heldSendIds(extensionPage)).toEqual([]);
    await heldSendsComeDue(extensionPage);
    expect(await copiesOnceSynced(subject, [SNEHA, DEEPA])).toEqual([1, 1]);
  });

  test('drops a scheduled email the rep cancels from Gmail in the tab', async ({
    sandbox,
    extensionPage,
    compose,
  }) => {
    const { page, subject } = await compose('E2E cancelled', SNEHA_AND_DEEPA, SCHEDULE_SEND);
    await scheduleTomorrowMorning(page);
    await waitFor(
      async () => (await heldSendIds(extensionPage)).includes(DRAFT),
      'the worker to hold the scheduled send',
    );
    await page.locator('#link_undo').waitFor({ state: 'hidden', timeout: 15_000 });

    await page.locator('#fixture-cancel-send').click();
    await waitFor(
      async () => (await heldSendIds(extensionPage)).length === 0,
      'the cancelled send to leave the worker',
    );
    await heldSendsComeDue(extensionPage);
    const waiting = (await settledOutboxFeed(extensionPage))?.waiting ?? [];
    expect(
      waiting.filter(
        (item) => item.write.kind === 'logActivity' && item.write.body.note?.startsWith(subject),
      ),
    ).toEqual([]);
    expect(await emailsWithSubject(sandbox, SNEHA, subject)).toEqual([]);
  });
});
