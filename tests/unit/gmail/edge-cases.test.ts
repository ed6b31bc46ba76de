// @vitest-environment happy-dom
import { describe, expect, it } from 'vitest';
import { findComposeParticipants } from '@/content/gmail/compose-recipients';
import { findParticipantAnchors } from '@/content/gmail/participants';
import { findThreadParticipants } from '@/content/gmail/thread';
import { parseTypedAddresses } from '@/content/gmail/address';

const parse = (html: string) => new DOMParser().parseFromString(html, 'text/html');

describe('never throws, reports what is there', () => {
  it('reads a detached message that was never in a document', () => {
    const message = document.createElement('div');
    message.setAttribute('data-message-id', '#msg-f:7');
    const sender = document.createElement('span');
    sender.setAttribute('email', 'A@B.example');
    message.append(sender);
    expect(findThreadParticipants(message)).toEqual([
      { email: 'a@b.example', name: null, role: 'sender', messageId: '#msg-f:7' },
    ]);
  });

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

  it('reads roles from the words of an unknown layout, e.g. a details table', () => {
    const doc = parse(`<div data-message-id="m"><span email="s@x.example">S</span>
      <table><tr><td>from:</td><td><span email="s@x.example">S</span></td></tr>
      <tr><td>to:</td><td><span email="t@x.example">T</span>, <span email="u@x.example">U</span></td></tr>
      <tr><td>cc:</td><td><span email="c@x.example">C</span></td></tr></table></div>`);
    expect(findParticipantAnchors(doc).map((a) => `${a.role} ${a.email}`)).toEqual([
      'sender s@x.example',
      'sender s@x.example',
      'to t@x.example',
      'to u@x.example',
      'cc c@x.example',
    ]);
  });

  it('never reads people from an inbox list row (outside any message)', () => {
    const doc = parse(
      '<table><tr class="zA"><td><span class="zF" email="x@y.example" name="X">X</span></td></tr></table>',
    );
    expect(findThreadParticipants(doc)).toEqual([]);
  });
});

describe('compose typing', () => {
  it('parses whole addresses only, lower-cased, in typing order', () => {
    expect(parseTypedAddresses('a@b.co, "Bea" <B@Y.example>; rah, x@y, a@b.co')).toEqual([
      'a@b.co',
      'b@y.example',
    ]);
  });

  it('gives a typing input one anchor even when several addresses are typed', () => {
    const doc = parse('<div name="bcc"><input value="a@b.example, c@d.example"></div>');
    expect(findComposeParticipants(doc).map((p) => p.email)).toEqual([
      'a@b.example',
      'c@d.example',
    ]);
    expect(findParticipantAnchors(doc)).toHaveLength(1);
  });

  it('reads a classic compose textarea[name=to] value', () => {
    const doc = parse(
      '<form><textarea name="cc">Deepa &lt;deepa@k.example&gt;, </textarea></form>',
    );
    expect(findComposeParticipants(doc)).toEqual([
      { email: 'deepa@k.example', name: null, role: 'cc' },
    ]);
  });
});
