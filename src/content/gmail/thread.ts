/**
 * The open thread: the people of its messages. Its messages are found and read by message.ts; its
 * subject is the page's heading, read by page.ts (message.ts and compose.ts need it too, and this
 * module is built on message.ts).
 */
import type { Participant, ParticipantAnchor } from '../../shared/people';
import { dedupeByEmail, isSignedIn } from './address';
import { findMessageAnchors, findMessages } from './message';

/**
 * Every readable person in every message in `root`, one entry per element, in page order: per
 * message the sender then the To/Cc/Bcc recipients. The signed-in account is left out.
 */
export function findThreadAnchors(root: ParentNode, signedIn?: string | null): ParticipantAnchor[] {
  return findMessages(root)
    .flatMap((message) => findMessageAnchors(message))
    .filter((anchor) => !isSignedIn(anchor.email, signedIn));
}

/** The people of the open thread: per message the sender and To/Cc/Bcc recipients, one per address. */
export function findThreadParticipants(root: ParentNode, signedIn?: string | null): Participant[] {
  return dedupeByEmail(findThreadAnchors(root, signedIn));
}
