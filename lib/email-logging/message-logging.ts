/**
 * "Log this email" on each expanded message of the open thread. A message is logged for its
 * sender, or, when the rep sent it, for its recipients outside the rep's domain; only for people
 * in Vivre (or added first, when the rep chose that). Once per message: the id is remembered in
 * storage.local before anything is queued, so a second click, another tab or a reload shows
 * "Logged ✓" instead of logging again.
 */
import { h } from 'preact';
import {
  LogMessageButton,
  type MessageLogState,
} from '../../components/email-log/LogMessageButton';
import {
  findExpandedMessages,
  messageIdOf,
  placeInMessage,
  readMessage,
} from '../gmail/message-content';
import type { Participant } from '../gmail/types';
import { isEmpty, isInternal, planAudience, type Audience } from './audience';
import { buildEmailNote } from './email-note';
import { logEmail } from './log-email';
import type { LoggedMessages } from './logged-messages';
import type { LoggingContext } from './logging-context';
import { createShadowHost, type ShadowHost } from './shadow-host';

interface MessageState {
  host: ShadowHost;
  messageId: string;
  state: MessageLogState;
}

export function createMessageLogging(context: LoggingContext, logged: LoggedMessages) {
  const now = context.now ?? Date.now;
  const messages = new Map<Element, MessageState>();

  function paint(entry: MessageState, message: Element) {
    entry.host.render(
      h(LogMessageButton, { state: entry.state, onLog: () => void log(entry, message) }),
    );
  }

  function set(entry: MessageState, message: Element, state: MessageLogState) {
    entry.state = state;
    paint(entry, message);
  }

  async function log(entry: MessageState, message: Element) {
    if (entry.state.status === 'logging' || entry.state.status === 'logged') return;
    set(entry, message, { status: 'logging' });
    const content = readMessage(message);
    if (!content) return set(entry, message, notLogged('This message can’t be read yet.'));
    const me = context.signedIn();
    const people = whomFor(content.sender, content.recipients, me);
    const { excerptLength, addUnknownRecipients } = context.prefs();
    const results = await context.lookups.resolve(people.map((person) => person.email));
    const audience = planAudience(people, me, results, addUnknownRecipients);
    if (audience.allInternal || isEmpty(audience)) {
      return set(entry, message, notLogged(whyNotLogged(audience)));
    }
    // Claimed first: another tab clicking at the same moment finds it taken.
    const claimedAt = now();
    const at = await logged.remember(entry.messageId, claimedAt);
    if (at !== claimedAt) return set(entry, message, { status: 'logged', at });
    const outcome = await logEmail(
      context.ask,
      audience,
      buildEmailNote(content.subject, content.bodyText, excerptLength),
    );
    if (outcome.queued.length === 0) {
      await logged.forget(entry.messageId);
      const reason = outcome.failed[0]?.error.message ?? 'Vivre did not accept it.';
      return set(entry, message, notLogged(`Not logged: ${reason}`));
    }
    set(entry, message, { status: 'logged', at });
  }

  async function mount(message: Element, messageId: string) {
    const host = createShadowHost(context.doc, 'vivre-log-email', context.theme());
    host.element.setAttribute('data-vivre-message-id', messageId);
    placeInMessage(message, host.element);
    const entry: MessageState = { host, messageId, state: { status: 'idle' } };
    messages.set(message, entry);
    paint(entry, message);
    const at = await logged.get(messageId);
    if (at !== null && entry.state.status === 'idle') set(entry, message, { status: 'logged', at });
  }

  return {
    sync() {
      for (const message of findExpandedMessages(context.doc)) {
        const messageId = messageIdOf(message);
        const known = messages.get(message);
        // Gmail reuses message elements: a host for another id, or one Gmail removed, is replaced.
        if (known && known.messageId === messageId && known.host.element.isConnected) continue;
        known?.host.destroy();
        if (messageId) void mount(message, messageId);
      }
      for (const [message, entry] of messages) {
        if (!message.isConnected) {
          entry.host.destroy();
          messages.delete(message);
        }
      }
    },
    destroy() {
      for (const entry of messages.values()) entry.host.destroy();
      messages.clear();
    },
  };
}

/** The sender; for the rep's own message, its recipients outside the rep's domain. */
export function whomFor(
  sender: Participant | null,
  recipients: Participant[],
  signedIn: string | null,
): Participant[] {
  const fromRep =
    sender === null || sender.email === signedIn || isInternal(sender.email, signedIn);
  return fromRep ? recipients.filter((person) => person.email !== signedIn) : [sender];
}

function notLogged(message: string): MessageLogState {
  return { status: 'not_logged', message };
}

function whyNotLogged(audience: Audience): string {
  if (audience.allInternal) return 'Not logged: everyone on it is internal.';
  return audience.skipped.some((skip) => skip.reason === 'lookup_failed')
    ? 'Not logged: Vivre can’t be reached. Try again.'
    : 'Not logged: nobody on it is in Vivre.';
}
