// @vitest-environment happy-dom
import { afterEach, describe, expect, it } from 'vitest';
import { isMarkupWithin } from '@/lib/content/gmail/query';

afterEach(() => document.body.replaceChildren());

/** `<div id=outer class=a3s><div id=message><h3><span id=header email></span></h3>
 *  <div class=a3s><span id=in-body email></span></div><vivre-chip data-vivre-host>
 *  <span id=in-host email></span></vivre-chip></div></div>` and a lone element outside. */
function page() {
  const make = (tag: string, attributes: Record<string, string>, ...children: Element[]) => {
    const element = document.createElement(tag);
    for (const [name, value] of Object.entries(attributes)) element.setAttribute(name, value);
    element.append(...children);
    return element;
  };
  const header = make('span', { email: 'a@b.example' });
  const inBody = make('span', { email: 'c@d.example' });
  const inHost = make('span', { email: 'e@f.example' });
  const message = make(
    'div',
    {},
    make('h3', {}, header),
    make('div', { class: 'a3s' }, inBody),
    make('vivre-chip', { 'data-vivre-host': '' }, inHost),
  );
  const outer = make('div', { class: 'a3s' }, message);
  const outside = make('span', { email: 'g@h.example' });
  const bodyOutside = make('div', { class: 'gmail_quote' }, make('span', {}));
  document.body.append(outer, outside, bodyOutside);
  return { header, inBody, inHost, message, outer, outside, bodyOutside };
}

describe("what is a container's own markup", () => {
  it('is the header, not a body or a host of ours inside the container', () => {
    const { header, inBody, inHost, message } = page();
    expect(isMarkupWithin(header, message)).toBe(true);
    expect(isMarkupWithin(inBody, message)).toBe(false);
    expect(isMarkupWithin(inHost, message)).toBe(false);
  });

  it('ignores a body around the container, and the container itself', () => {
    const { header, message, outer } = page();
    expect(isMarkupWithin(header, outer)).toBe(true);
    expect(isMarkupWithin(message, message)).toBe(true);
    expect(isMarkupWithin(outer, outer)).toBe(true);
  });

  it('judges an element outside the container by everything above it', () => {
    const { outside, bodyOutside, message } = page();
    expect(isMarkupWithin(outside, message)).toBe(true);
    expect(isMarkupWithin(bodyOutside.firstElementChild!, message)).toBe(false);
  });
});
