// @vitest-environment happy-dom
import { afterEach, describe, expect, it } from 'vitest';
import { addressesInTitle, shownView } from '@/lib/content/gmail/view';
import { pageParticipants } from '@/lib/content/page-participants';
import { GMAIL_REDESIGNED } from '../../../../fixtures/gmail/variants';
import { showFixture } from './load-fixture';
import { gmail } from '../chips/gmail-detection';

const GMAIL = 'https://mail.google.com/mail/u/0/';
const THREAD_URL = `${GMAIL}#inbox/FMfcgzQbgRnTzTkLmWQbvhxZPTnRbXvC`;

afterEach(() => document.body.replaceChildren());

describe('what Gmail shows, by its address', () => {
  it.each([
    ['#inbox/FMfcgzQbgRnTzTkLmWQbvhxZPTnRbXvC', 'thread'],
    ['#label/Clients/FMfcgzQbgRnTzTkLmWQbvhxZPTnRbXvC', 'thread'],
    ['#search/pricing/198c6747aabb71a9', 'thread'],
    ['#inbox?compose=new', 'compose'],
    ['#sent/FMfcgzQbgRnTzTkLmWQbvhxZPTnRbXvC?compose=CllgCJlKvW', 'compose'],
    ['#inbox', null],
    ['#search/pricing', null],
    ['#label/Clients', null],
    ['#settings/general', null],
    ['', null],
  ])('%s → %s', (hash, view) => {
    expect(shownView(`${GMAIL}${hash}`)).toBe(view);
  });

  it('finds the addresses the title’s subject names, never the signed-in account', () => {
    expect(
      addressesInTitle(
        'Intro: Priya.Kapoor@Bluestone.example <> rahul@acme-tech.example - rahul@acme-tech.example - Gmail',
        'rahul@acme-tech.example',
      ),
    ).toEqual(['priya.kapoor@bluestone.example']);
    expect(addressesInTitle('Inbox (3) - rahul@acme-tech.example - Gmail', null)).toEqual([]);
  });
});

describe('a Gmail view Vivre cannot read', () => {
  it('is reported for a thread after a redesign, with the subject from the title', () => {
    showFixture('thread-expanded-2025.html', 'shared', GMAIL_REDESIGNED);
    expect(pageParticipants(document, gmail, THREAD_URL)).toEqual({
      participants: [],
      subject: 'PO-4471 – revised delivery schedule',
      unreadable: 'thread',
    });
  });

  it('is not reported where the thread is read, or where Gmail shows no thread', () => {
    showFixture('thread-expanded-2025.html', 'shared');
    expect(pageParticipants(document, gmail, THREAD_URL).unreadable).toBeNull();
    showFixture('thread-expanded-2025.html', 'shared', GMAIL_REDESIGNED);
    expect(pageParticipants(document, gmail, `${GMAIL}#inbox`)).toEqual({
      participants: [],
      subject: null,
      unreadable: null,
    });
  });

  it('is reported for a compose whose recipient fields cannot be found, and offers title addresses', () => {
    showFixture('compose-send.html', 'own', [
      ...GMAIL_REDESIGNED,
      ['<title>Inbox (2)', '<title>Intro for deepa.menon@kiran-logistics.example'],
    ]);
    const answer = pageParticipants(document, gmail, `${GMAIL}#inbox?compose=new`);
    expect(answer).toEqual({
      participants: [{ email: 'deepa.menon@kiran-logistics.example', name: null, role: 'to' }],
      subject: null,
      unreadable: 'compose',
    });
    showFixture('compose-send.html', 'own');
    expect(pageParticipants(document, gmail, `${GMAIL}#inbox?compose=new`).unreadable).toBeNull();
  });
});
