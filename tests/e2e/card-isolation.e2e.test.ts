/**
 * Gmail's own scripts against our UI, in real Chromium: page script (Playwright's main world,
 * where Gmail's code runs) tries every way in it has to read a card the rep opened and to submit
 * its form, and gets nothing. Each attempt is paired with a control showing the same thing is
 * really there for the rep, so the test fails if the card were reachable.
 */
import { randomUUID } from 'node:crypto';
import type { Page } from 'playwright-core';
import { RAHUL } from '../factories';
import { REP_ELSEWHERE } from '../fixtures/gmail/variants';
import { describe, expect, test } from './fixtures';
import {
  cardFrame,
  chipNames,
  evaluateInContentScript,
  openCardOf,
  waitForSettledChips,
} from './harness';
import { findAsPageScript, selectAsPageScript } from './harness/page-script';
import {
  clickControl,
  hoverControl,
  repControl,
  repControls,
  repStatus,
} from './harness/rep-controls';

/** What page script can find of the card and chips through the DOM it shares with us. */
interface PageView {
  /** Our hosts (chips, card, email-logging controls) whose shadow root page script can open. */
  openRoots: number;
  /** Every text page script can reach: the document and any open shadow root. */
  text: string;
  /** Frames page script can name (window.frames), and which of them let it read their document. */
  frames: number;
  readableFrames: number;
  /** Where the card's box is, as page script finds it at the point where the card is drawn. */
  atCard: string;
}

/** Runs in Gmail's main world, as Gmail's scripts would. */
function lookAsPageScript(page: Page, point: { x: number; y: number }): Promise<PageView> {
  return page.evaluate(({ x, y }) => {
    const hosts = [...document.querySelectorAll('[data-vivre-host]')];
    const texts = [document.documentElement.textContent ?? ''];
    // Every open root on the page; ours have none (`openRoots` below).
    for (const element of document.querySelectorAll('*')) {
      if (element.shadowRoot) texts.push(element.shadowRoot.textContent ?? '');
    }
    let readableFrames = 0;
    for (let i = 0; i < window.frames.length; i++) {
      try {
        texts.push(window.frames[i]!.document.documentElement.textContent ?? '');
        readableFrames++;
      } catch {
        // Another origin: what we expect of any frame of ours.
      }
    }
    const hit = document.elementFromPoint(x, y);
    return {
      openRoots: hosts.filter((host) => host.shadowRoot).length,
      text: texts.join('\n'),
      frames: window.frames.length,
      readableFrames,
      atCard: hit ? hit.localName : '',
    };
  }, point);
}

describe("Gmail's page script and the email-logging controls", () => {
  const FIRST_MESSAGE = 'vivre-log-email[data-vivre-message-id="#msg-f:1840959905192440233"]';

  test('cannot read "Log this email" or its Deal menu, nor log the message', async ({
    sandbox,
    gmail,
  }) => {
    const page = await gmail.open('thread-expanded-2025');
    const button = await repControl(page, FIRST_MESSAGE, {
      role: 'button',
      name: 'Log this email',
    });

    const attempt = await driveAsPageScript(page, 'vivre-log-email');
    expect(attempt.openRoots).toBe(0);
    expect(attempt.found).toEqual(['vivre-log-email']);
    // Not logged, not logging, and its deals not even read: the pointer page script sent is not
    // the rep coming to the button.
    expect(await repStatus(page, FIRST_MESSAGE)).toBe('');
    const controls = await repControls(page, FIRST_MESSAGE);
    expect(controls.map((control) => `${control.role} ${control.name}`)).toEqual([
      'button Log this email',
    ]);

    // The control: the rep comes to the button, and the Deal menu shows Rahul's deal.
    await hoverControl(page, button);
    const deal = await repControl(page, FIRST_MESSAGE, { role: 'combobox', name: 'Deal' });
    expect(deal.value).toBe('Acme Technologies — Annual plan');
    await driveAsPageScript(page, 'vivre-log-email');
    const seen = await textAsPageScript(page);
    expect(seen).not.toContain('Annual plan');
    // Nor by searching or selecting the page: window.find() matches text even in closed roots
    // (Chromium's selection then reads the words, Firefox's opens the root to page script), so
    // our words are drawn from attributes, not text; a deal title is only an option of a menu.
    const words = [deal.value, 'Annual plan', 'Log this email', 'for Rahul Sharma'];
    const found = await page.evaluate(findAsPageScript, { words });
    expect(found).toEqual({
      anywhere: Object.fromEntries(words.map((w) => [w, false])),
      inRoots: [],
    });
    const selected = await page.evaluate(selectAsPageScript);
    expect(selected.inRoots).toEqual([]);
    for (const word of words) expect(selected.text).not.toContain(word);
    expect(seen).not.toContain('Log this email');
    // Nor the chips' scores: once the rep hears Rahul's in his chip's name, the matches of it
    // are Gmail's own text, none in our roots.
    await expect
      .poll(
        async () => (await chipNames(page)).some((n) => n.includes(`AI score ${RAHUL.ai_score}`)),
        {
          timeout: 30_000,
        },
      )
      .toBe(true);
    const scores = await page.evaluate(findAsPageScript, {
      words: [String(RAHUL.ai_score), 'AI score'],
    });
    expect(scores.inRoots).toEqual([]);
    expect(scores.anywhere['AI score']).toBe(false);
    // While the rep hears whom it logs for, and sees the deal's title in the menu.
    expect((await repControl(page, FIRST_MESSAGE, { role: 'button' })).description).toBe(
      'for Rahul Sharma',
    );
    expect(await repStatus(page, FIRST_MESSAGE)).toBe('');

    // The rep's own click logs it, once, to the deal the menu showed.
    await clickControl(page, await repControl(page, FIRST_MESSAGE, { role: 'button' }));
    await expect.poll(() => repStatus(page, FIRST_MESSAGE)).toMatch(/^Logged ✓ /);
    await expect
      .poll(
        async () =>
          (await sandbox.activitiesOf(RAHUL.id)).filter(
            (a) => a.type === 'email' && a.note?.startsWith('PO-4471'),
          ),
        {
          timeout: 30_000,
          // Gently: the sandbox limits requests per key.
          interval: 500,
        },
      )
      .toMatchObject([{ deal_id: 'dl_4420' }]);
  });

  test('cannot turn "Log to Vivre" on, nor read whom it logs for', async ({ gmail }) => {
    const page = await gmail.open('compose-send');
    const toggle = { role: 'checkbox', name: 'Log to Vivre' };
    expect((await repControl(page, 'vivre-email-log', toggle)).checked).toBe(false);

    const attempt = await driveAsPageScript(page, 'vivre-email-log');
    expect(attempt.openRoots).toBe(0);
    expect(attempt.found).toEqual(['vivre-email-log']);
    expect((await repControl(page, 'vivre-email-log', toggle)).checked).toBe(false);
    expect(await repStatus(page, 'vivre-email-log')).toBe('');

    // The control: the rep's click turns it on and it says whom it logs for, to the rep only.
    await clickControl(page, await repControl(page, 'vivre-email-log', toggle));
    await expect
      .poll(() => repStatus(page, 'vivre-email-log'), { timeout: 30_000 })
      .toBe('Logs for Sneha Kulkarni, Deepa Menon.');
    // Out of every DOM page script reads, and out of window.find's and a selection's reach:
    // drawn from attributes.
    const words = ['Logs for', 'Sneha Kulkarni, Deepa Menon', 'Log to Vivre'];
    const found = await page.evaluate(findAsPageScript, { words });
    expect(found).toEqual({
      anywhere: Object.fromEntries(words.map((w) => [w, false])),
      inRoots: [],
    });
    const selected = await page.evaluate(selectAsPageScript);
    expect(selected.inRoots).toEqual([]);
    for (const word of words) expect(selected.text).not.toContain(word);
    const seen = await textAsPageScript(page);
    expect(seen).not.toContain('Logs for');
    expect(seen).not.toContain('Log to Vivre');
    // Nor can page script turn it off again.
    await driveAsPageScript(page, 'vivre-email-log');
    expect((await repControl(page, 'vivre-email-log', toggle)).checked).toBe(true);
  });
});

describe("Gmail's page script and the card", () => {
  test('cannot read an open card, find its frame or submit its form', async ({
    sandbox,
    gmail,
  }) => {
    const page = await gmail.variant('thread-expanded-2025', REP_ELSEWHERE);
    await waitForSettledChips(page, 6);
    const card = await openCardOf(page, RAHUL.email);
    const dealsSection = card.getByRole('region', { name: 'Open deals' });
    await card.getByText('Loading deals and activity…').waitFor({ state: 'detached' });
    const note = `page script ${randomUUID().slice(0, 8)}`;
    await card.getByRole('button', { name: 'Log call with Rahul Sharma' }).click();
    await card.getByRole('textbox', { name: 'Note' }).fill(note);

    // The control: the rep sees Rahul's deals and score in the card.
    const seen = await card.textContent();
    const dealTitle = await dealsSection.locator('.title').first().textContent();
    expect(dealTitle).toBeTruthy();
    expect(seen).toContain(dealTitle);
    expect(seen).toContain('Acme Technologies');

    const frame = await cardFrame(page);
    // Where the rep sees the card (the browser knows the frame's box; page script does not).
    const box = (await (await frame.frameElement()).boundingBox())!;
    const center = { x: box.x + 100, y: box.y + 100 };
    const view = await lookAsPageScript(page, center);
    expect(view.openRoots).toBe(0);
    expect(await page.locator('[data-vivre-email]').count()).toBeGreaterThanOrEqual(6);
    expect(view.text).not.toContain(dealTitle);
    expect(view.text).not.toContain(note);
    expect(view.text).not.toContain('Acme Technologies');
    // Frames in a closed shadow root are not among the window's frames at all.
    expect(view.readableFrames).toBe(0);
    expect(view.frames).toBe(0);
    // What page script finds where the rep sees the card is our host, nothing inside it.
    expect(view.atCard).toBe('vivre-card');

    // Page script tries to submit the form: Enter, clicks and submit events at the card's host,
    // and messages to every window it can name. None crosses into the card's document.
    await page.evaluate(({ x, y }) => {
      const host = document.elementFromPoint(x, y)!;
      for (const type of ['keydown', 'keypress', 'keyup']) {
        host.dispatchEvent(
          new KeyboardEvent(type, { key: 'Enter', ctrlKey: true, bubbles: true, composed: true }),
        );
      }
      host.dispatchEvent(new MouseEvent('click', { bubbles: true, composed: true, clientX: x }));
      host.dispatchEvent(new SubmitEvent('submit', { bubbles: true, composed: true }));
      const channel = new MessageChannel();
      for (const target of [window, window.parent, window.top]) {
        target?.postMessage({ vivreCard: crypto.randomUUID() }, '*', []);
      }
      window.postMessage({ type: 'submit' }, '*', [channel.port2]);
    }, center);
    // The rep's own save still works afterwards, and is the only call with this note.
    await card.getByRole('button', { name: 'Save call' }).click();
    await card.getByText(/Synced|Saved — will sync|Sending/).waitFor();
    await expect
      .poll(async () => (await sandbox.activitiesOf(RAHUL.id)).filter((a) => a.note === note))
      .toHaveLength(1);
    expect(await frame.locator('#vivre-card').count()).toBe(1);
  });

  test('cannot frame the card page itself to drive it', async ({ extension, gmail }) => {
    const page = await gmail.variant('thread-expanded-2025', REP_ELSEWHERE);
    await waitForSettledChips(page, 6);
    // The card's address as page script can know it: the extension id is public. The address
    // Chrome serves the card from in this session (use_dynamic_url) is not; the content script
    // has it, and the control uses it to show that the same attempt would drive the card.
    const staticUrl = extension.extensionUrl('card.html');
    const dynamicUrl = await evaluateInContentScript<string>(
      extension,
      page,
      "chrome.runtime.getURL('card.html')",
    );
    expect(new URL(dynamicUrl).host).not.toBe(new URL(staticUrl).host);

    const control = await frameAndDrive(page, dynamicUrl);
    expect(control.answers).toContainEqual(expect.objectContaining({ type: 'size', seq: 1 }));

    const attack = await frameAndDrive(page, staticUrl);
    expect(attack.answers).toEqual([]);
    expect(attack.drawn).toBe(false);
  });
});

/**
 * Page script goes for the controls in every host matching `selector`: clicks, Enter and Space,
 * focus and the pointer arriving, dispatched on the controls if their root were open, on the host
 * itself and at every point of its box where page script finds it. Returns how many hosts let it open their root, and the elements it
 * found at those points (our host, if the attempt aimed at the controls the rep sees there).
 */
function driveAsPageScript(page: Page, selector: string) {
  return page.evaluate((selector) => {
    const found = new Set<string>();
    const hosts = [...document.querySelectorAll<HTMLElement>(selector)];
    for (const host of hosts) {
      // What an open root would give away: the controls themselves.
      host.shadowRoot?.querySelectorAll<HTMLElement>('input, button').forEach((c) => c.click());
      host.click();
      host.focus();
      const box = host.getBoundingClientRect();
      const y = box.top + box.height / 2;
      for (let x = box.left + 2; x < box.right; x += 6) {
        const at = document.elementFromPoint(x, y) as HTMLElement | null;
        if (!at || !host.contains(at)) continue;
        found.add(at.localName);
        const init = { bubbles: true, composed: true, cancelable: true, clientX: x, clientY: y };
        at.dispatchEvent(new PointerEvent('pointerenter', init));
        at.dispatchEvent(new FocusEvent('focusin', init));
        at.dispatchEvent(new MouseEvent('mousedown', init));
        at.dispatchEvent(new MouseEvent('mouseup', init));
        at.dispatchEvent(new MouseEvent('click', init));
        at.click();
        for (const key of ['Enter', ' ']) {
          for (const type of ['keydown', 'keypress', 'keyup']) {
            at.dispatchEvent(new KeyboardEvent(type, { ...init, key }));
          }
        }
      }
    }
    return { openRoots: hosts.filter((host) => host.shadowRoot).length, found: [...found] };
  }, selector);
}

/** Every text page script can reach: the document's and any open shadow root's. */
function textAsPageScript(page: Page): Promise<string> {
  return page.evaluate(() =>
    [document.documentElement, ...document.querySelectorAll('*')]
      .map((element) =>
        element === document.documentElement
          ? (element.textContent ?? '')
          : (element.shadowRoot?.textContent ?? ''),
      )
      .join('\n'),
  );
}

/**
 * Page script frames `url` with a nonce of its own, hands it a port as our content script does
 * and asks it to show Rahul. Resolves with what came back over the port (at the first answer, or
 * after 5 s) and whether a card was drawn in the frame Chrome loaded.
 */
async function frameAndDrive(page: Page, url: string) {
  const marker = `attack-${randomUUID()}`;
  const answers = await page.evaluate(
    ({ url, marker, email }) =>
      new Promise<unknown[]>((resolve) => {
        const nonce = crypto.randomUUID();
        const frame = document.createElement('iframe');
        frame.name = marker;
        const answers: unknown[] = [];
        frame.addEventListener('load', () => {
          const channel = new MessageChannel();
          channel.port1.onmessage = (event) => {
            answers.push(event.data);
            resolve(answers);
          };
          frame.contentWindow?.postMessage({ vivreCard: nonce }, '*', [channel.port2]);
          channel.port1.postMessage({ type: 'show', seq: 1, person: { email, name: null } });
          setTimeout(() => resolve(answers), 5000);
        });
        frame.src = `${url}#n=${nonce}`;
        document.body.append(frame);
      }),
    { url, marker, email: RAHUL.email },
  );
  const frame = page.frames().find((f) => f.name() === marker);
  const drawn = frame
    ? (await frame
        .locator('#vivre-card')
        .count()
        .catch(() => 0)) > 0
    : false;
  return { answers, drawn };
}
