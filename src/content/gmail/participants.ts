import { findComposeAnchors } from './compose';
import { findThreadAnchors } from './thread';
import type { Participant, ParticipantAnchor } from '../../shared/people';

/** The people of the open thread: per message the sender and To/Cc recipients, one per address. */
export function findThreadParticipants(root: ParentNode, signedIn?: string | null): Participant[] {
  return dedupeByEmail(findThreadAnchors(root, signedIn));
}

/** The recipients of every open compose window and inline reply, one per address. */
export function findComposeParticipants(root: ParentNode, signedIn?: string | null): Participant[] {
  return dedupeByEmail(findComposeAnchors(root, signedIn));
}

/**
 * Every visible place a participant is shown (thread headers, then compose fields), for putting a
 * chip after `element`. A person in two messages gets two anchors; an element never gets two.
 */
export function findParticipantAnchors(
  root: ParentNode,
  signedIn?: string | null,
): ParticipantAnchor[] {
  const seen = new Set<Element>();
  return [...findThreadAnchors(root, signedIn), ...findComposeAnchors(root, signedIn)].filter(
    (anchor) => !seen.has(anchor.element) && Boolean(seen.add(anchor.element)),
  );
}

/**
 * One entry per address, in order of first appearance. The first occurrence keeps its role and
 * message (the sender of the earliest message stays "sender"); a real name seen later replaces a
 * missing one, because Gmail sometimes shows only the address in one place and the name in another.
 */
function dedupeByEmail(anchors: readonly Participant[]): Participant[] {
  const byEmail = new Map<string, Participant>();
  for (const { email, name, role, messageId } of anchors) {
    const known = byEmail.get(email);
    if (!known) {
      byEmail.set(email, { email, name, role, ...(messageId ? { messageId } : {}) });
    } else if (known.name === null && name !== null) {
      known.name = name;
    }
  }
  return [...byEmail.values()];
}
