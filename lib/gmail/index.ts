// The Gmail DOM room: detection and watching, no UI, no messaging, no Vivre.
export {
  findComposeParticipants,
  findParticipantAnchors,
  findThreadParticipants,
  dedupeByEmail,
} from './participants';
export { findSignedInEmail } from './signed-in';
export { createHandledSet, watchGmail, type WatchGmailOptions } from './watch';
export type { Participant, ParticipantAnchor, ParticipantRole } from './types';
