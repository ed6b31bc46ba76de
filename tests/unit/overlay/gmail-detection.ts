import type { GmailDetection } from '@/content/chips/start-overlay';
import { findComposeParticipants } from '@/content/gmail/compose-recipients';
import { findSignedInEmail } from '@/content/gmail/page';
import { findParticipantAnchors } from '@/content/gmail/participants';
import { findThreadParticipants } from '@/content/gmail/thread';
import { watchGmail } from '@/content/gmail/watch';

/** The real detection, as the content script wires it (src/content/start-in-gmail.ts). */
export const gmail: GmailDetection = {
  findParticipantAnchors,
  findThreadParticipants,
  findComposeParticipants,
  findSignedInEmail,
  watchGmail,
};
