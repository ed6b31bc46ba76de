import { findComposeAnchors } from './compose-recipients';
import { findThreadAnchors } from './thread';
import type { ParticipantAnchor } from '../../shared/people';

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
