/** The Gmail DOM room: detection and watching, no UI, no messaging, no Vivre knowledge. */
export {
  findComposeParticipants,
  findParticipantAnchors,
  findThreadParticipants,
} from './participants';
export { findSignedInEmail } from './page';
export { isWorthScanning, type GmailChange } from './changed-roots';
export { watchGmail } from './watch';
export type { Participant, ParticipantAnchor, ParticipantRole } from '../../shared/people';
