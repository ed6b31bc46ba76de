/**
 * What the Gmail content script tells the panel beside the email (entrypoints/sidepanel/), and the
 * check the panel makes on it. The panel connects to the content script of the tab it follows
 * (`tabs.connect`, named PANEL_PORT); the content script posts what the page shows at once, and
 * again each time that changes (another thread, a recipient typed), until the panel disconnects:
 * pushed, never polled. The content script takes ports only from our panel page
 * (lib/content/panel-feed.ts); the panel takes what arrives only once it has read it here, since
 * everything in it was read from a page Gmail's own script can rewrite.
 *
 * Pure (no I/O, no zod): both the content script's 22 kB bundle and the panel page import it.
 */
import { parseAddress } from './address';
import type { PageOnTab } from './messaging/messages';
import type { Participant, ParticipantRole } from './people';

export const PANEL_PORT = 'vivre-panel';
/**
 * What a Gmail tab's content script says once it has started (a port of this name, opened to our
 * pages and closed by whoever takes it): a panel following that tab connects now, rather than
 * wait for an event that a page loading never sends again.
 */
export const PANEL_HELLO = 'vivre-panel-hello';
/** Chrome's command for the panel's shortcut (wxt.config.ts; Firefox: `_execute_sidebar_action`). */
export const OPEN_PANEL_COMMAND = 'open-panel';
/** The panel's page, relative to the extension root (a WXT entrypoint: entrypoints/sidepanel/). */
export const PANEL_PAGE = '/sidepanel.html';

/** What the Gmail tab shows, as the popup's `getPageParticipants` answers it, and who is signed in. */
export interface PanelPage extends PageOnTab {
  /** The rep's own address, so the worker keeps their company out of lookups, as for chips. */
  signedIn: string | null;
}

export interface ToPanel {
  type: 'page';
  page: PanelPage;
}

// As many people as one lookup message takes; a subject as long as Gmail's title shows.
const MAX_PEOPLE = 200;
const MAX_TEXT = 500;
const ROLES: readonly ParticipantRole[] = ['sender', 'to', 'cc', 'bcc'];

type Fields = Record<string, unknown>;
const isRecord = (value: unknown): value is Fields => typeof value === 'object' && value !== null;
const shortText = (value: unknown): string | null =>
  typeof value === 'string' && value.length <= MAX_TEXT ? value : null;

function readPerson(value: unknown): Participant | null {
  if (!isRecord(value) || typeof value.email !== 'string') return null;
  const email = parseAddress(value.email);
  const role = ROLES.find((known) => known === value.role);
  if (!email || !role) return null;
  return { email, name: shortText(value.name), role };
}

/** The page the message carries, checked field by field; null when it is not one. */
export function readToPanel(message: unknown): PanelPage | null {
  if (!isRecord(message) || message.type !== 'page' || !isRecord(message.page)) return null;
  const { participants, subject, unreadable, signedIn } = message.page;
  if (!Array.isArray(participants) || participants.length > MAX_PEOPLE) return null;
  const people = participants.map(readPerson);
  if (people.includes(null)) return null;
  return {
    participants: people as Participant[],
    subject: shortText(subject),
    unreadable: unreadable === 'thread' || unreadable === 'compose' ? unreadable : null,
    signedIn: typeof signedIn === 'string' ? parseAddress(signedIn) : null,
  };
}
