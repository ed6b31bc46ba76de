/**
 * The answer to the popup's `getPageParticipants`: who is on the open thread and
 * compose windows, and the thread's subject, so the popup can preselect a contact.
 */
import type { Participant } from '../shared/people';
import type { GmailDetection } from './chips/start-overlay';
import { subjectFromTitle } from './gmail/page';

export function pageParticipants(
  doc: Document,
  detect: Pick<
    GmailDetection,
    'findSignedInEmail' | 'findThreadParticipants' | 'findComposeParticipants'
  >,
): { participants: Participant[]; subject: string | null } {
  const signedIn = detect.findSignedInEmail(doc);
  const thread = detect.findThreadParticipants(doc, signedIn);
  const seen = new Set<string>();
  const participants = [...thread, ...detect.findComposeParticipants(doc, signedIn)].filter(
    (person) => !seen.has(person.email) && seen.add(person.email),
  );
  // Without an open thread the title names a folder ("Inbox (3)"), not a subject.
  return { participants, subject: thread.length > 0 ? subjectFromTitle(doc.title) : null };
}
