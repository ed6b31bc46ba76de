/**
 * "Log this email" on each expanded message of the open thread, naming before the click whom it
 * is for: a message is logged for its sender, or, when the rep (or a colleague) sent it, for its
 * recipients outside the rep's domain (the worker then logs for those who are Vivre contacts).
 * The worker logs a message id at most once from this browser and remembers when, so a second
 * click, another tab or a reload shows "Logged ✓ <time>" instead of logging again.
 */
import { h } from 'preact';
import { LogMessageButton, type MessageLogState } from '../../../components/gmail/LogMessageButton';
import {
  findExpandedMessages,
  messageIdOf,
  placeInMessage,
  readMessageContent,
} from '../gmail/message';
import type { Participant } from '../../shared/people';
import { isColleague } from '../../shared/address';
import { loadDealChoice, soleContactId, toEmailToLog } from './logging-context';
import type { DealChoice, LoggingContext } from './logging-context';
import { EMAIL_LOG_CSS } from '../../../components/gmail/email-log-styles';
import { createPreactHost, type PreactHost } from './preact-host';
import type { WatchNearViewport } from '../near-viewport';

interface MessageState {
  host: PreactHost;
  messageId: string;
  /** The names it will be logged for, read when the message is shown. */
  whom: string[];
  state: MessageLogState;
  /** The deal to tie it to, when it would be logged for one contact with open deals. */
  deal: DealChoice | null;
  paint(state: MessageLogState): void;
}

export function createMessageLogging(context: LoggingContext, watchNear: WatchNearViewport) {
  const messages = new Map<Element, MessageState>();
  /** Expanded messages not yet near the viewport, with the id each showed: no control yet. */
  const waiting = new Map<Element, string>();
  const near = watchNear((shown) => {
    const added: MessageState[] = [];
    for (const message of shown) {
      const messageId = waiting.get(message);
      waiting.delete(message);
      if (messageId !== undefined && message.isConnected) added.push(mount(message, messageId));
    }
    void showLogged(added);
  });

  async function log(entry: MessageState, message: Element) {
    if (entry.state.status === 'logging' || entry.state.status === 'logged') return;
    const content = readMessageContent(message);
    if (!content) return;
    entry.paint({ status: 'logging' });
    const me = context.signedIn();
    const people = whomFor(content.sender, content.recipients, me);
    const dealIds = entry.deal ? { [entry.deal.contactId]: entry.deal.dealId } : undefined;
    const answer = await context.ask(
      'logEmail',
      toEmailToLog(people, content, me, entry.messageId, dealIds),
    );
    if (!answer.ok) return entry.paint({ status: 'not_logged', message: answer.error.message });
    const { loggedAt, reason } = answer.value;
    entry.paint(
      loggedAt === null
        ? { status: 'not_logged', message: reason ?? 'Not logged.' }
        : { status: 'logged', at: loggedAt },
    );
  }

  function mount(message: Element, messageId: string): MessageState {
    const host = createPreactHost(context.doc, {
      tag: 'vivre-log-email',
      css: EMAIL_LOG_CSS,
      theme: context.theme(),
      repInputOnly: true,
    });
    host.element.setAttribute('data-vivre-message-id', messageId);
    placeInMessage(message, host.element);
    const content = readMessageContent(message);
    const me = context.signedIn();
    const whom = content
      ? whomFor(content.sender, content.recipients, me)
          .filter((person) => !isColleague(person.email, me))
          .map((person) => person.name ?? person.email)
      : [];
    const entry: MessageState = {
      host,
      messageId,
      whom,
      state: { status: 'idle' },
      deal: null,
      paint(state) {
        entry.state = state;
        const { deal } = entry;
        host.render(
          h(LogMessageButton, {
            state,
            whom: entry.whom,
            onLog: () => void log(entry, message),
            deal: deal && {
              deals: deal.deals,
              value: deal.dealId,
              onChange: (dealId: string | null) => {
                entry.deal = { ...deal, dealId };
                entry.paint(entry.state);
              },
            },
          }),
        );
      },
    };
    messages.set(message, entry);
    entry.paint(entry.state);
    // The Deal menu is read when the rep comes to the button (pointer or keyboard), not for every
    // message Gmail shows: asking for each one's deals as it appeared cost Gmail 3–4× its own
    // main-thread time in the 5,000-mutation benchmark. Unasked, the worker still applies the
    // default (the contact's only open deal). The host is in Gmail's DOM: events page script
    // dispatches on it are not the rep coming to the button.
    let asked = false;
    const offer = (event: Event) => {
      if (asked || !event.isTrusted) return;
      asked = true;
      if (entry.state.status === 'idle' && !entry.deal) void offerDeals(entry, message);
    };
    host.element.addEventListener('pointerenter', offer);
    host.element.addEventListener('focusin', offer);
    return entry;
  }

  /** One question to the worker for every newly shown message: which are logged already. */
  async function showLogged(entries: MessageState[]) {
    if (entries.length === 0) return;
    const answer = await context.ask('getLoggedEmails', {
      messageIds: entries.map((entry) => entry.messageId),
    });
    if (!answer.ok) return;
    for (const entry of entries) {
      const at = answer.value[entry.messageId];
      if (at !== undefined && entry.state.status === 'idle') entry.paint({ status: 'logged', at });
    }
  }

  /** For a message not logged yet, the deals of the one contact it would be logged for. */
  async function offerDeals(entry: MessageState, message: Element) {
    const content = readMessageContent(message);
    if (!content) return;
    const me = context.signedIn();
    const people = whomFor(content.sender, content.recipients, me);
    const emails = people.map((person) => person.email);
    const known =
      context.lookups.knownForLogging(emails) ??
      (await context.lookups.resolveForLogging(emails, me));
    const contactId = soleContactId(people, known, me, context.prefs().addUnknownRecipients);
    if (!contactId) return;
    entry.deal = await loadDealChoice(context.ask, contactId);
    if (entry.state.status === 'idle' && entry.deal) entry.paint(entry.state);
  }

  return {
    sync() {
      for (const message of findExpandedMessages(context.doc)) {
        const messageId = messageIdOf(message);
        const known = messages.get(message);
        // Gmail reuses message elements: a host for another id, or one Gmail removed, is replaced.
        if (known && known.messageId === messageId && known.host.element.isConnected) continue;
        if (known) {
          known.host.destroy();
          messages.delete(message);
        }
        if (!messageId) {
          waiting.delete(message);
          near.unobserve(message);
        } else if (waiting.get(message) !== messageId) {
          waiting.set(message, messageId);
          near.observe(message);
        }
      }
      for (const [message, entry] of messages) {
        if (!message.isConnected) {
          entry.host.destroy();
          messages.delete(message);
        }
      }
      for (const message of waiting.keys()) {
        if (!message.isConnected) {
          waiting.delete(message);
          near.unobserve(message);
        }
      }
    },
    destroy() {
      near.disconnect();
      waiting.clear();
      for (const entry of messages.values()) entry.host.destroy();
      messages.clear();
    },
  };
}

/** The sender; for a message from the rep or a colleague, its recipients outside the domain. */
function whomFor(
  sender: Participant | null,
  recipients: Participant[],
  signedIn: string | null,
): Participant[] {
  const fromUs =
    sender === null || sender.email === signedIn || isColleague(sender.email, signedIn);
  return fromUs ? recipients.filter((person) => person.email !== signedIn) : [sender];
}
