// @vitest-environment happy-dom
import { describe, expect, it } from 'vitest';
import { findComposeParticipants } from '@/content/gmail/compose-recipients';
import { findParticipantAnchors } from '@/content/gmail/participants';
import { findSignedInEmail } from '@/content/gmail/page';
import { findThreadParticipants } from '@/content/gmail/thread';
import { loadFixture } from './load-fixture';

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
