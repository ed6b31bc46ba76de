// @vitest-environment happy-dom
import { afterEach, describe, expect, it, vi } from 'vitest';
import type { ParticipantAnchor } from '@/lib/shared/people';
import type { ChipHost } from '@/lib/content/chips/chip-host';
import { createChipMounter } from '@/lib/content/chips/chip-mounter';

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
});
