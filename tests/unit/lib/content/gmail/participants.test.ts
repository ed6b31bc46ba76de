// @vitest-environment happy-dom
import { describe, expect, it } from 'vitest';
import { findParticipantAnchors } from '@/lib/content/gmail/participants';

const parse = (html: string) => new DOMParser().parseFromString(html, 'text/html');

describe('never throws, reports what is there', () => {
  it('returns nothing for empty pages, junk attributes and fields without a role', () => {
    const doc = parse(`
      <div data-message-id=""><span email>x</span><span email="@">y</span><span email="a@b">z</span></div>
      <div name="to"><div role="listbox"><div role="option" data-hovercard-id=""></div></div>
        <input value="Rahul"></div>
      <div name="TO"><div role="option" data-hovercard-id="<script>@x.example"></div></div>`);
    expect(() => findParticipantAnchors(doc)).not.toThrow();
    expect(findParticipantAnchors(doc)).toEqual([]);
    expect(findParticipantAnchors(parse(''))).toEqual([]);
  });
});
