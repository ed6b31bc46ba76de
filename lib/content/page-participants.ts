/**
 * The answer to the popup's `getPageParticipants`: who is on the open thread and compose windows,
 * and the thread's subject, so the popup can preselect a contact. When Gmail shows a thread or a
 * compose (by its address and title, gmail/view.ts) and nobody can be read from it, Gmail has
 * changed under us: the answer says so, with the subject and any address the title gives, so the
 * popup can tell the rep and still offer what it has.
 */
import type { PageOnTab } from '../shared/messaging/messages';
import type { Participant } from '../shared/people';
import type { GmailDetection } from './chips/start-chips';
import { findComposes } from './gmail/compose';
import { subjectFromTitle } from './gmail/page';
import { addressesInTitle, shownView } from './gmail/view';

export function pageParticipants(
  doc: Document,
  detect: Pick<
    GmailDetection,
    'findSignedInEmail' | 'findThreadParticipants' | 'findComposeParticipants'
  >,
  url: string = doc.location?.href ?? '',
): PageOnTab {
  const signedIn = detect.findSignedInEmail(doc);
  const thread = detect.findThreadParticipants(doc, signedIn);
  const seen = new Set<string>();
  const participants = [...thread, ...detect.findComposeParticipants(doc, signedIn)].filter(
    (person) => !seen.has(person.email) && seen.add(person.email),
  );
  const view = shownView(url);
  const unreadable =
    (view === 'thread' && thread.length === 0) ||
    (view === 'compose' && findComposes(doc).length === 0)
      ? view
      : null;
  if (unreadable) {
    const fromTitle = addressesInTitle(doc.title, signedIn)
      .filter((email) => !seen.has(email))
      .map((email): Participant => ({ email, name: null, role: 'to' }));
    return {
      participants: [...participants, ...fromTitle],
      subject: view === 'thread' ? subjectFromTitle(doc.title) : null,
      unreadable,
    };
  }
  // Without an open thread the title names a folder ("Inbox (3)"), not a subject.
  return {
    participants,
    subject: thread.length > 0 ? subjectFromTitle(doc.title) : null,
    unreadable: null,
  };
}
