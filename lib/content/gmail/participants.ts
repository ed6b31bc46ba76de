import { findComposeAnchors } from './compose-recipients';
import { findThreadAnchors } from './thread';
import { isInListRow } from './inbox-rows';
import type { ParticipantAnchor } from '../../shared/people';

/**
 * Every visible place a participant is shown (thread headers, then compose fields), for putting a
 * chip after `element`. A person in two messages gets two anchors; an element never gets two.
 */
export function findParticipantAnchors(
  root: ParentNode,
  signedIn?: string | null,
): ParticipantAnchor[] {
  // A list row holds no message header or compose field (its people get row chips,
  // lib/content/chips/row-chips.ts). Gmail adds rows in every burst, and reading each one for
  // thread and compose anchors took a sixth of the content script's time in `npm run bench inbox`.
  if ((root as Node).nodeType === 1 && isInListRow(root as Element)) return [];
  const seen = new Set<Element>();
  return [...findThreadAnchors(root, signedIn), ...findComposeAnchors(root, signedIn)].filter(
    (anchor) => !seen.has(anchor.element) && Boolean(seen.add(anchor.element)),
  );
}
