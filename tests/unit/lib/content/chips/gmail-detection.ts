import type { GmailDetection } from '@/lib/content/chips/start-chips';
import { findComposeParticipants } from '@/lib/content/gmail/compose-recipients';
import { findSignedInEmail } from '@/lib/content/gmail/page';
import { findParticipantAnchors } from '@/lib/content/gmail/participants';
import { findThreadParticipants } from '@/lib/content/gmail/thread';
import { watchGmail } from '@/lib/content/gmail/watch';

/** The real detection, as the content script wires it (lib/content/start-in-gmail.ts). */
export const gmail: GmailDetection = {
  findParticipantAnchors,
  findThreadParticipants,
  findComposeParticipants,
  findSignedInEmail,
  watchGmail,
};
