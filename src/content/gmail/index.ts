/** The Gmail DOM room: detection and watching, no UI, no messaging, no Vivre knowledge. */
export { findComposeParticipants } from './compose-recipients';
export { findParticipantAnchors } from './participants';
export { findThreadParticipants } from './thread';
export { findSignedInEmail } from './page';
export { isWorthScanning, type GmailChange } from './changed-roots';
export { watchGmail } from './watch';
export type { Participant, ParticipantAnchor, ParticipantRole } from '../../shared/people';
