/**
 * The Gmail DOM room: detection and watching, no UI, no messaging, no Vivre knowledge.
 *
 * Usage from the content script:
 *
 *   const handled = createHandledSet();
 *   const scan = () => {
 *     const me = findSignedInEmail(document);
 *     for (const anchor of findParticipantAnchors(document, me)) {
 *       if (handled.isNew(anchor.element, anchor.email)) mountChipAfter(anchor); // synchronously
 *     }
 *   };
 *   scan(); // watchGmail does not run at start
 *   // Per burst, read again only what it touched (each root is a ParentNode for detection);
 *   // lib/overlay/start-overlay.ts shows the whole pattern, including unmounting.
 *   watchGmail({ root: document, signal: ctx.signal, onChange: (change) => ... change.roots ... });
 *   ctx.addEventListener(window, 'wxt:locationchange', scan);
 *
 * Chip hosts must carry `data-vivre-host` so the watcher ignores them and detection never reads them.
 */
export {
  dedupeByEmail,
  findComposeParticipants,
  findParticipantAnchors,
  findThreadParticipants,
} from './participants';
export { findSignedInEmail } from './signed-in';
export { isWorthScanning, type GmailChange } from './changed-roots';
export { createHandledSet, watchGmail, type WatchGmailOptions } from './watch';
export type { Participant, ParticipantAnchor, ParticipantRole } from '../../shared/people';
