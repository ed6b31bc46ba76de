// @vitest-environment happy-dom
import { afterEach, describe, expect, it, vi } from 'vitest';
import { createCardFrame } from '@/lib/content/card-host/card-host';
import { createChipHost } from '@/lib/content/chips/chip-host';
import { warmThreadPath } from '@/lib/content/chips/warm-up';
import { detachedMessage } from '@/lib/content/gmail/detached-message';
import { createLookupStore } from '@/lib/content/lookups/lookup-store';
import { findParticipantAnchors } from '@/lib/content/gmail/participants';
import { gmail } from './gmail-detection';
import { fakeWorker } from './fake-worker';
import { hosts, startTestChips } from './test-chips';

afterEach(() => {
  document.body.replaceChildren();
});

describe('warming the thread path in a new tab', () => {
  it("reads a detached message's two people with the real detection, and keeps nothing", () => {
    document.body.append(document.createElement('main'));
    const before = document.body.cloneNode(true);
    const worker = fakeWorker();
    const store = createLookupStore(worker.ask);
    const card = createCardFrame({ document, theme: 'light', onChanged: () => {} });
    const built: HTMLElement[] = [];

    const found = warmThreadPath(document, findParticipantAnchors, (anchor) => {
      const host = createChipHost(anchor, { store, card, theme: 'light', signedIn: null });
      built.push(host.element);
      return host;
    });

    // Detection still reads the message (a selector change that stopped it would warm nothing).
    expect(found).toBe(2);
    expect(built).toHaveLength(2);
    expect(built.every((host) => !host.isConnected)).toBe(true);
    expect(document.body.isEqualNode(before)).toBe(true);
    expect(worker.ask).not.toHaveBeenCalled();
    expect(['sender', 'to'].some((who) => store.has(`${who}@warm-up.example.com`))).toBe(false);
    card.destroy();
  });

  it('builds the message outside the document', () => {
    const message = detachedMessage(document);
    expect(message.isConnected).toBe(false);
    expect(message.querySelectorAll('[email]')).toHaveLength(2);
  });

  it('runs once the tab is idle after the chips start, asking the worker nothing', async () => {
    const controller = new AbortController();
    const worker = fakeWorker();
    const find = vi.fn(gmail.findParticipantAnchors);
    startTestChips(controller.signal, {
      ask: worker.ask,
      detect: { ...gmail, findParticipantAnchors: find },
    });
    await vi.waitFor(() => expect(find.mock.calls.some(([root]) => !root.isConnected)).toBe(true));
    const warmed = find.mock.calls.find(([root]) => !(root as Element).isConnected)!;
    expect(find.mock.results[find.mock.calls.indexOf(warmed)]!.value).toHaveLength(2);
    expect(hosts()).toHaveLength(0);
    expect(worker.ask).not.toHaveBeenCalled();
    controller.abort();
  });
});
