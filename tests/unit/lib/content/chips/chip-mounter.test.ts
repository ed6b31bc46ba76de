// @vitest-environment happy-dom
import { afterEach, describe, expect, it, vi } from 'vitest';
import type { ParticipantAnchor } from '@/lib/shared/people';
import type { ChipHost } from '@/lib/content/chips/chip-host';
import { createChipMounter, EAGER_HOSTS } from '@/lib/content/chips/chip-mounter';
import { scrolledByHand } from '../scrolled-by-hand';

/** A stand-in host: a marked element, so the test sees where it was put. */
function fakeHost(anchor: ParticipantAnchor): ChipHost {
  const element = document.createElement('vivre-chip');
  element.dataset.vivreEmail = anchor.email;
  return {
    element,
    email: anchor.email,
    setTheme: () => {},
    destroy: vi.fn(() => element.remove()),
  };
}

function anchor(element: Element, email: string): ParticipantAnchor {
  return { element, email, name: null, role: 'to', context: 'compose' };
}

const shown = (parent: Element) =>
  [...parent.children].map((child) =>
    child.tagName === 'VIVRE-CHIP' ? `chip:${(child as HTMLElement).dataset.vivreEmail}` : child.id,
  );

afterEach(() => document.body.replaceChildren());

describe('chip mounter', () => {
  it('puts one host per person right after the element that shows them, in order', () => {
    const field = document.createElement('input');
    field.id = 'to';
    const after = document.createElement('span');
    after.id = 'next';
    document.body.append(field, after);
    const mounter = createChipMounter(fakeHost);
    const added = mounter.sync([
      anchor(field, 'a@x.example'),
      anchor(field, 'b@x.example'),
      anchor(field, 'a@x.example'),
    ]);
    expect(added).toEqual(['a@x.example', 'b@x.example']);
    expect(shown(document.body)).toEqual(['to', 'chip:a@x.example', 'chip:b@x.example', 'next']);
  });

  it('follows a recipient field as the rep edits it, keeping unchanged chips', () => {
    const field = document.createElement('input');
    field.id = 'to';
    document.body.append(field);
    const mounter = createChipMounter(fakeHost);
    mounter.sync([anchor(field, 'a@x.example'), anchor(field, 'b@x.example')]);
    const first = document.querySelector('vivre-chip');
    expect(mounter.sync([anchor(field, 'a@x.example'), anchor(field, 'c@x.example')])).toEqual([
      'c@x.example',
    ]);
    expect(shown(document.body)).toEqual(['to', 'chip:a@x.example', 'chip:c@x.example']);
    expect(document.querySelector('vivre-chip')).toBe(first);
    mounter.sync([]);
    expect(shown(document.body)).toEqual(['to']);
  });

  it('mounts nothing twice for an element it already handled', () => {
    const span = document.createElement('span');
    document.body.append(span);
    const createHost = vi.fn(fakeHost);
    const mounter = createChipMounter(createHost);
    mounter.sync([anchor(span, 'a@x.example')]);
    expect(mounter.sync([anchor(span, 'a@x.example')])).toEqual([]);
    expect(createHost).toHaveBeenCalledOnce();
  });

  it('destroys every host on destroy', () => {
    const span = document.createElement('span');
    document.body.append(span);
    const mounter = createChipMounter(fakeHost);
    mounter.sync([anchor(span, 'a@x.example'), anchor(span, 'b@x.example')]);
    mounter.destroy();
    expect(document.querySelectorAll('vivre-chip')).toHaveLength(0);
  });

  describe('near the viewport', () => {
    /** A thread of `n` senders, one span each, in document order. */
    function senders(n: number) {
      const spans = Array.from({ length: n }, (_, i) => {
        const span = document.createElement('span');
        span.id = `s${i}`;
        return span;
      });
      document.body.append(...spans);
      return { spans, anchors: spans.map((span, i) => anchor(span, `p${i}@x.example`)) };
    }
    const hostAfter = (span: Element) =>
      span.nextElementSibling?.tagName === 'VIVRE-CHIP' ? span.nextElementSibling : null;

    it('mounts the first hosts of a sync at once and the rest once they come near', () => {
      const { spans, anchors } = senders(EAGER_HOSTS + 5);
      const view = scrolledByHand();
      const mounter = createChipMounter(fakeHost, { watchNear: view.watchNear });
      // Everyone is new, so everyone is looked up now, hosts or not.
      expect(mounter.sync(anchors)).toEqual(anchors.map((a) => a.email));
      expect(spans.slice(0, EAGER_HOSTS).every(hostAfter)).toBe(true);
      expect(spans.slice(EAGER_HOSTS).map(hostAfter)).toEqual([null, null, null, null, null]);
      expect([...view.waiting]).toEqual(spans.slice(EAGER_HOSTS));

      view.scrollTo(spans[EAGER_HOSTS + 2]!);
      expect(hostAfter(spans[EAGER_HOSTS + 2]!)?.getAttribute('data-vivre-email')).toBe(
        `p${EAGER_HOSTS + 2}@x.example`,
      );
      // A later burst re-finding everyone builds nothing twice and asks for no one again.
      expect(mounter.sync(anchors)).toEqual([]);
      expect(document.querySelectorAll('vivre-chip')).toHaveLength(EAGER_HOSTS + 1);
    });

    it('never mounts an anchor that left the page before coming near, and stops watching it', () => {
      const { spans, anchors } = senders(EAGER_HOSTS + 2);
      const view = scrolledByHand();
      const createHost = vi.fn(fakeHost);
      const mounter = createChipMounter(createHost, { watchNear: view.watchNear });
      mounter.sync(anchors);
      const [gone, raced] = spans.slice(EAGER_HOSTS);
      gone!.remove();
      raced!.remove();
      // The burst that removed it: nothing of it stays observed or kept for later.
      mounter.sync(anchors.filter((a) => a.element.isConnected));
      expect(view.waiting.size).toBe(0);
      view.scrollTo(gone!);
      expect(createHost).toHaveBeenCalledTimes(EAGER_HOSTS);
      expect(document.querySelectorAll('vivre-chip')).toHaveLength(EAGER_HOSTS);
    });

    it('does not mount an anchor whose report comes after Gmail removed it, before any sync', () => {
      const { spans, anchors } = senders(EAGER_HOSTS + 1);
      const view = scrolledByHand();
      const createHost = vi.fn(fakeHost);
      createChipMounter(createHost, { watchNear: view.watchNear }).sync(anchors);
      spans[EAGER_HOSTS]!.remove();
      view.scrollTo(spans[EAGER_HOSTS]!);
      expect(createHost).toHaveBeenCalledTimes(EAGER_HOSTS);
    });

    it('holds a waiting person’s lookup until their host takes it over or they leave', () => {
      const { spans, anchors } = senders(EAGER_HOSTS + 3);
      const view = scrolledByHand();
      const events: string[] = [];
      const hold = (email: string) => {
        events.push(`hold ${email}`);
        return () => events.push(`release ${email}`);
      };
      const createHost = (a: ParticipantAnchor) => {
        events.push(`host ${a.email}`);
        return fakeHost(a);
      };
      const mounter = createChipMounter(createHost, { watchNear: view.watchNear, hold });
      mounter.sync(anchors);
      const [comes, goes, stays] = spans.slice(EAGER_HOSTS);
      const [comer, goer, stayer] = [0, 1, 2].map((i) => `p${EAGER_HOSTS + i}@x.example`);
      expect(events.filter((e) => e.startsWith('hold'))).toEqual([
        `hold ${comer}`,
        `hold ${goer}`,
        `hold ${stayer}`,
      ]);
      events.length = 0;
      view.scrollTo(comes!);
      // The host subscribes before the hold is let go: the lookup is never orphaned between.
      expect(events).toEqual([`host ${comer}`, `release ${comer}`]);
      events.length = 0;
      goes!.remove();
      mounter.sync(anchors.filter((a) => a.element.isConnected));
      expect(events).toEqual([`release ${goer}`]);
      expect(stays!.isConnected).toBe(true);
      events.length = 0;
      mounter.destroy();
      expect(events).toEqual([`release ${stayer}`]);
    });

    it('watches one element for the anchors a message shows together, and mounts them all', () => {
      const { spans, anchors } = senders(EAGER_HOSTS + 4);
      // The last four people are in two messages, two each.
      const messages = [0, 1].map(() => document.createElement('div'));
      for (const [i, span] of spans.slice(EAGER_HOSTS).entries()) messages[i >> 1]!.append(span);
      document.body.append(...messages);
      const view = scrolledByHand();
      const nearTarget = (element: Element) => element.parentElement ?? element;
      const mounter = createChipMounter(fakeHost, { watchNear: view.watchNear, nearTarget });
      mounter.sync(anchors);
      expect([...view.waiting]).toEqual(messages);

      view.scrollTo(messages[1]!);
      expect(spans.slice(EAGER_HOSTS).map((span) => hostAfter(span) !== null)).toEqual([
        false,
        false,
        true,
        true,
      ]);
      // One of the first message's people leaves: the message stays watched for the other.
      spans[EAGER_HOSTS]!.remove();
      mounter.sync(anchors.filter((a) => a.element.isConnected));
      expect([...view.waiting]).toEqual([messages[0]]);
      spans[EAGER_HOSTS + 1]!.remove();
      mounter.sync(anchors.filter((a) => a.element.isConnected));
      expect(view.waiting.size).toBe(0);
    });

    it('forgets every waiting anchor on destroy', () => {
      const { anchors } = senders(EAGER_HOSTS + 3);
      const view = scrolledByHand();
      const mounter = createChipMounter(fakeHost, { watchNear: view.watchNear });
      mounter.sync(anchors);
      mounter.destroy();
      expect(view.waiting.size).toBe(0);
    });
  });
});
