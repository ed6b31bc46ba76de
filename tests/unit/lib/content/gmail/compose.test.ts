// @vitest-environment happy-dom
import { describe, expect, it } from 'vitest';
import { findComposeParticipants } from '@/lib/content/gmail/compose-recipients';
import { findParticipantAnchors } from '@/lib/content/gmail/participants';
import { findSignedInEmail } from '@/lib/content/gmail/page';
import { findThreadParticipants } from '@/lib/content/gmail/thread';
import { parseTypedAddresses } from '@/lib/content/gmail/address';
import { loadFixture } from './load-fixture';

const parse = (html: string) => new DOMParser().parseFromString(html, 'text/html');
const brief = (anchors: { email: string; role: string; context: string }[]) =>
  anchors.map(({ email, role, context }) => `${context} ${role} ${email}`);

const doc = loadFixture('compose-peoplekit.html');

describe('real Gmail compose (PeopleKit chips, 2023)', () => {
  it('reads the signed-in account from the title', () => {
    expect(findSignedInEmail(doc)).toBe('rahul.sharma@acme-tech.example');
  });

  it('finds the To and Cc chips, as in the fixture README', () => {
    expect(findComposeParticipants(doc, findSignedInEmail(doc))).toEqual([
      { email: 'sneha.kulkarni@acme-tech.example', name: 'Sneha Kulkarni', role: 'to' },
      { email: 'arjun.patel@bluestone.example', name: null, role: 'to' },
      { email: 'deepa.menon@kiran-logistics.example', name: 'Deepa Menon', role: 'cc' },
    ]);
  });

  it('has no thread participants and never reads the body link', () => {
    expect(findThreadParticipants(doc)).toEqual([]);
    const emails = findParticipantAnchors(doc).map((a) => a.email);
    expect(emails).not.toContain('accounts@kiran-logistics.example');
  });

  it('anchors each chip on its draggable wrapper, the listbox child', () => {
    const anchors = findParticipantAnchors(doc);
    expect(anchors.map((a) => [a.context, a.element.parentElement?.getAttribute('role')])).toEqual(
      Array(3).fill(['compose', 'listbox']),
    );
    expect(
      anchors[0]!.element.querySelector('[data-hovercard-id]')?.getAttribute('data-name'),
    ).toBe('Sneha Kulkarni');
  });

  it('leaves out the signed-in account when it is a recipient', () => {
    const emails = findComposeParticipants(doc, 'DEEPA.MENON@kiran-logistics.example').map(
      (p) => p.email,
    );
    expect(emails).toEqual(['sneha.kulkarni@acme-tech.example', 'arjun.patel@bluestone.example']);
  });

  it('reports an address typed into the empty Cc input, until it becomes a chip', () => {
    const copy = doc.cloneNode(true) as Document;
    const ccInput = copy.querySelector('[name=cc] input') as HTMLInputElement;
    ccInput.value = 'Meera <Meera.Joshi@Kiran-Logistics.example>';
    expect(findComposeParticipants(copy).at(-1)).toEqual({
      email: 'meera.joshi@kiran-logistics.example',
      name: null,
      role: 'cc',
    });
    ccInput.value = 'meera.jo';
    expect(findComposeParticipants(copy)).toHaveLength(3);
  });
});

describe('inline reply', () => {
  const doc = loadFixture('inline-reply-typed.html', 'own');
  const me = findSignedInEmail(doc);

  it('reads the chip and the address typed but not yet a chip, not the half-typed name', () => {
    expect(findComposeParticipants(doc, me)).toEqual([
      { email: 'vikram.reddy@bluestone.example', name: 'Vikram Reddy', role: 'to' },
      { email: 'rahul.sharma@acme-tech.example', name: null, role: 'to' },
    ]);
  });

  it('anchors thread header, compose chip and typing input, never the quoted reply body', () => {
    const anchors = findParticipantAnchors(doc, me);
    expect(brief(anchors)).toEqual([
      'thread sender vikram.reddy@bluestone.example',
      'compose to vikram.reddy@bluestone.example',
      'compose to rahul.sharma@acme-tech.example',
    ]);
    expect(anchors[2]!.element.tagName).toBe('INPUT');
  });
});

describe('compose with Bcc and a minimised second compose', () => {
  const doc = loadFixture('compose-bcc.html', 'own');

  it('reads To and Bcc, skips the hidden row and the signed-in author, a later name wins', () => {
    expect(findComposeParticipants(doc, findSignedInEmail(doc))).toEqual([
      { email: 'ananya.iyer@bluestone.example', name: 'Ananya Iyer', role: 'to' },
      { email: 'arjun.patel@bluestone.example', name: 'Arjun Patel', role: 'bcc' },
      { email: 'priya.kapoor@bluestone.example', name: 'Priya Kapoor', role: 'bcc' },
    ]);
  });

  it('gives one anchor per visible chip, the same person twice in two windows', () => {
    expect(brief(findParticipantAnchors(doc, 'rahul.sharma@acme-tech.example'))).toEqual([
      'compose to ananya.iyer@bluestone.example',
      'compose bcc arjun.patel@bluestone.example',
      'compose bcc priya.kapoor@bluestone.example',
      'compose cc arjun.patel@bluestone.example',
    ]);
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
