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
import { cardFrame, evaluateInContentScript, openCardOf, waitForSettledChips } from './harness';

/** What page script can find of the card and chips through the DOM it shares with us. */
interface PageView {
  /** Chip and card hosts whose shadow root page script can open. */
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
    const hosts = [...document.querySelectorAll('[data-vivre-email], vivre-card')];
    const texts = [document.documentElement.textContent ?? ''];
    // Not yet covered, and said so in the closing note: the email-logging controls ("Log this
    // email", "Log to Vivre" and their Deal menu) still render in open roots. This reads every
    // other open root; chips and the card have none (`openRoots` below).
    const emailLogging = new Set(['vivre-log-email', 'vivre-email-log']);
    for (const element of document.querySelectorAll('*')) {
      if (element.shadowRoot && !emailLogging.has(element.localName)) {
        texts.push(element.shadowRoot.textContent ?? '');
      }
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
