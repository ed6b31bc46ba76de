/**
 * Gmail's page script tries to have the rep's own click act on a control of ours the rep cannot
 * see, in real Chromium: it fades the card out, shrinks it around its "Add to Vivre" button, or
 * lays a white sheet over it that lets the pointer through; it fades or shrinks "Log to Vivre",
 * or fades what is around it. Each time the rep's real click where the control is does nothing.
 * The control: the same click on the untouched card adds the contact, once, and on the
 * untouched toggle turns logging on.
 */
import type { Frame, Page } from 'playwright-core';
import { REP_ELSEWHERE } from '../fixtures/gmail/variants';
import { describe, expect, test } from './fixtures';
import { STEADY_MS } from '@/lib/shared/visible-input';
import {
  cardFrame,
  evaluateInContentScript,
  openCardOf,
  outboxIsEmpty,
  waitFor,
  waitForSettledChips,
} from './harness';
import {
  coverAsPageScript,
  styleAsPageScript,
  uncoverAsPageScript,
  unstyleAsPageScript,
} from './harness/page-script';
import { centreOf, pressAt, repControl, repStatus } from './harness/rep-controls';

const UNKNOWN = 'procurement-team@bluestone.example';
const TOGGLE = { role: 'checkbox', name: 'Log to Vivre' };

type Attack = {
  name: string;
  on: (page: Page) => Promise<unknown>;
  off: (page: Page) => Promise<unknown>;
};

const styled = (
  style: string,
  parent = false,
  selector = 'vivre-card',
): Pick<Attack, 'on' | 'off'> => ({
  on: (page) => page.evaluate(styleAsPageScript, { selector, style, parent }),
  off: (page) => page.evaluate(unstyleAsPageScript, { selector }),
});

/** The card's add form as it was: not sent (its button not busy), no word of any write. */
async function notAdded(card: ReturnType<Frame['getByRole']>) {
  const button = card.getByRole('button', { name: 'Add to Vivre' });
  expect(await button.evaluate((b) => (b as HTMLButtonElement).disabled)).toBe(false);
  expect(await card.getByRole('status').count()).toBe(0);
}

describe("Gmail's page script and an invisible card", () => {
  test('the rep’s click where "Add to Vivre" is adds no one until the card is really there', async ({
    sandbox,
    extensionPage,
    gmail,
  }) => {
    const page = await gmail.variant('thread-expanded-2025', REP_ELSEWHERE);
    await waitForSettledChips(page, 6);
    const card = await openCardOf(page, UNKNOWN);
    const button = card.getByRole('form', { name: 'Add to Vivre' }).getByRole('button', {
      name: 'Add to Vivre',
    });
    // The card takes input once drawn as placed for STEADY_MS, by the content script's and (in
    // Chromium) IntersectionObserver v2's word: later than that on a loaded machine.
    await expect.poll(() => button.isEnabled(), { timeout: 30_000 }).toBe(true);
    const box = (await button.boundingBox())!;
    const at = { x: box.x + box.width / 2, y: box.y + box.height / 2 };
    const before = (await sandbox.counts()).contacts;

    const attacks: Attack[] = [
      { name: 'faded out', ...styled('opacity: 0') },
      {
        name: 'shrunk around the button',
        ...styled(
          `position: fixed; inset: 0; transform: scale(0.02); transform-origin: ${at.x}px ${at.y}px`,
        ),
      },
      {
        name: 'under a sheet that lets the pointer through',
        on: (p) => p.evaluate(coverAsPageScript, { marker: 'sheet' }),
        off: (p) => p.evaluate(uncoverAsPageScript, { marker: 'sheet' }),
      },
    ];
    for (const attack of attacks) {
      await attack.on(page);
      if (attack.name !== 'under a sheet that lets the pointer through') {
        // The content script sees what page script did to the host and the card says why it
        // ignores clicks (its styles are ours: it still shows). The rep's click comes after.
        const frame = await cardFrame(page);
        await frame.getByRole('alert').getByText('This card ignores clicks').waitFor();
      }
      // The sheet is seen by IntersectionObserver v2 alone, at a fresh look the press asks for.
      await page.mouse.click(at.x, at.y);
      await notAdded(card);
      await attack.off(page);
      await expect
        .poll(() => button.isEnabled(), { message: attack.name, timeout: 30_000 })
        .toBe(true);
      // Long after the click, still nothing sent: it was refused, not slow.
      await notAdded(card);
      expect((await sandbox.counts()).contacts, attack.name).toBe(before);
    }

    // The rep's click once the card is really there adds them: the card turns into their card
    // (its "Saving…" may come and go too fast to see).
    await page.mouse.click(at.x, at.y);
    await expect
      .poll(async () => (await sandbox.counts()).contacts, { timeout: 30_000 })
      .toBe(before + 1);
    await card.getByRole('form', { name: 'Add to Vivre' }).waitFor({ state: 'detached' });
    await waitFor(() => outboxIsEmpty(extensionPage), 'an empty outbox');
    expect((await sandbox.counts()).contacts).toBe(before + 1);
  });
});

describe('Gmail\'s page script and an invisible "Log to Vivre"', () => {
  test('the rep’s click where the toggle is does not turn it on until it is really there', async ({
    gmail,
    extension,
  }) => {
    const page = await gmail.open('compose-send');
    // The box's own state, read in the content script's world (the accessibility tree may lag).
    const checked = () =>
      evaluateInContentScript<boolean>(
        extension,
        page,
        `chrome.dom.openOrClosedShadowRoot(document.querySelector('vivre-email-log')).querySelector('input').checked`,
      );
    const toggle = await repControl(page, 'vivre-email-log', TOGGLE);
    const at = await centreOf(page, toggle);
    const host = (await page.locator('vivre-email-log').boundingBox())!;
    const origin = `${at.x - host.x}px ${at.y - host.y}px`;
    const attacks: Attack[] = [
      { name: 'faded out', ...styled('opacity: 0', false, 'vivre-email-log') },
      {
        name: 'shrunk around the box',
        ...styled(`transform: scale(0.2); transform-origin: ${origin}`, false, 'vivre-email-log'),
      },
      { name: 'faded with what is around it', ...styled('opacity: 0', true, 'vivre-email-log') },
    ];
    for (const attack of attacks) {
      await attack.on(page);
      await pressAt(page, at);
      expect(await checked(), attack.name).toBe(false);
      await attack.off(page);
      expect(await repStatus(page, 'vivre-email-log')).toBe('');
    }

    // The rep sees the toggle back, and presses it; nothing says when it takes presses again
    // (once seen whole and in place for STEADY_MS; later on a loaded machine), so a rep whose
    // press did nothing presses again.
    // Up to 30 presses (15 s): a shared CI machine can keep the toggle unseen for seconds.
    for (let presses = 0; presses < 30 && !(await checked()); presses++) {
      await page.waitForTimeout(STEADY_MS);
      await pressAt(page, at);
    }
    expect(await checked()).toBe(true);
    await expect
      .poll(() => repStatus(page, 'vivre-email-log'), { timeout: 30_000 })
      .toBe('Logs for Sneha Kulkarni, Deepa Menon.');
  });
});
