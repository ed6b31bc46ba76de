import { describe, expect, it, vi } from 'vitest';
import type { ComposeContent } from '@/lib/content/gmail/compose';
import { createSendTracker, INTENT_WINDOW_MS } from '@/lib/content/email-logging/send-tracker';

/** A page with composes that can be closed and a "Message sent" bar that can be shown. */
function page() {
  const closed = new Set<Element>();
  const drafts = new Map<Element, string | null>();
  let sentShown = false;
  let time = 1_000;
  const onSent = vi.fn();
  const tracker = createSendTracker({
    read: (compose): ComposeContent => ({
      draftId: drafts.get(compose) ?? null,
      subject: compose.id,
      bodyText: '',
      recipients: [],
    }),
    isClosed: (compose) => closed.has(compose),
    isSentShown: () => sentShown,
    onSent,
    now: () => time,
  });
  return {
    tracker,
    onSent,
    compose(id: string, draft: string | null = null) {
      const element = { id } as unknown as Element;
      drafts.set(element, draft);
      return element;
    },
    close: (compose: Element) => closed.add(compose),
    showSent: (shown = true) => (sentShown = shown),
    later: (ms: number) => (time += ms),
    /** The compose closes and, `ms` later, "Message sent" shows; the tracker checks after each. */
    closeThenShowSent(compose: Element, ms: number) {
      closed.add(compose);
      tracker.check();
      time += ms;
      sentShown = true;
      tracker.check();
    },
    sentSubjects: () => onSent.mock.calls.map(([, content]) => (content as ComposeContent).subject),
  };
}

describe('the send tracker', () => {
  it('counts a click, a shortcut, the close and "Message sent" together as one send', () => {
    const p = page();
    const compose = p.compose('po-4472', '#msg-a:r-1');
    p.tracker.intent(compose); // Ctrl+Enter
    p.tracker.check();
    p.later(10);
    p.tracker.intent(compose); // click on Send
    p.tracker.check();
    expect(p.onSent).not.toHaveBeenCalled(); // still open: Gmail may refuse the send
    p.later(40);
    p.closeThenShowSent(compose, 150);
    p.tracker.intent(compose);
    p.tracker.check();
    expect(p.sentSubjects()).toEqual(['po-4472']);
  });

  it('counts no compose the rep did not send, though it closes as "Message sent" appears', () => {
    // Page script can remove a compose and show a sent notice; only the rep's intent counts.
    const p = page();
    const forged = p.compose('closed-by-page-script');
    p.closeThenShowSent(forged, 200);
    p.tracker.check();
    expect(p.onSent).not.toHaveBeenCalled();
    // The same signals after the rep's own Send do count.
    const sent = p.compose('sent-by-the-rep');
    p.showSent(false);
    p.tracker.check();
    p.tracker.intent(sent);
    p.closeThenShowSent(sent, 200);
    expect(p.sentSubjects()).toEqual(['sent-by-the-rep']);
  });

  it('does not count a compose closed without a send (discarded, saved as draft)', () => {
    const p = page();
    const compose = p.compose('discarded');
    p.closeThenShowSent(compose, 60_000); // a minute later, that bar is another send's
    expect(p.onSent).not.toHaveBeenCalled();
  });

  it('drops an intent Gmail refused (the compose stayed open)', () => {
    const p = page();
    const compose = p.compose('no-recipient');
    p.tracker.intent(compose);
    p.later(INTENT_WINDOW_MS + 1);
    p.tracker.check();
    p.close(compose); // discarded much later
    p.tracker.check();
    expect(p.onSent).not.toHaveBeenCalled();
  });

  it('does not take an earlier send\'s "Message sent" as this one\'s', () => {
    const p = page();
    p.showSent();
    p.tracker.check();
    const compose = p.compose('second');
    p.later(100);
    p.tracker.intent(compose);
    p.tracker.check();
    expect(p.onSent).not.toHaveBeenCalled();
  });

  it('logs a re-rendered compose of an already sent draft no second time', () => {
    const p = page();
    const first = p.compose('first', '#msg-a:r-7');
    p.tracker.intent(first);
    p.close(first);
    p.tracker.check();
    const rerendered = p.compose('first again', '#msg-a:r-7');
    p.tracker.intent(rerendered);
    p.close(rerendered);
    p.tracker.check();
    expect(p.sentSubjects()).toEqual(['first']);
  });

  it('tells two composes sent one after the other apart', () => {
    const p = page();
    const a = p.compose('a');
    const b = p.compose('b');
    p.tracker.intent(a);
    p.close(a);
    p.tracker.check();
    p.later(1_000);
    p.tracker.intent(b);
    p.close(b);
    p.tracker.check();
    expect(p.sentSubjects()).toEqual(['a', 'b']);
  });
});
