/**
 * "Log to Vivre" in every open compose: a toggle per compose (starting from the rep's default),
 * whom it would log for kept current while the rep edits recipients, and, once the send tracker
 * says the message went, one `email` activity per Vivre contact among the recipients — held by
 * the worker until Gmail's Undo window has passed (undo-window.ts), so an undone send logs nothing.
 */
import { h } from 'preact';
import { ComposeLogToggle } from '../../../components/gmail/ComposeLogToggle';
import {
  draftIdOf,
  isComposeClosed,
  placeInCompose,
  readCompose,
  type ComposeContent,
} from '../gmail/compose';
import { findComposeParticipants } from '../gmail/compose-recipients';
import { findOfferedUndo, isMessageSentShown } from '../gmail/page';
import type { Participant } from '../../shared/people';
import { planAudience, type Audience } from '../../shared/email-audience';
import { loadDealChoice, soleContactId, toEmailToLog } from './logging-context';
import type { DealChoice, LoggingContext } from './logging-context';
import { createSendTracker } from './send-tracker';
import type { createUndoWindow } from './undo-window';
import { EMAIL_TEXT_NOT_ALLOWED } from '../../shared/data-consent';
import { EMAIL_LOG_CSS } from '../../../components/gmail/email-log-styles';
import { createPreactHost, type PreactHost } from './preact-host';

interface ComposeState {
  host: PreactHost;
  on: boolean;
  /** Whether the rep flipped the toggle: then a changed default no longer applies. */
  touched: boolean;
  recipients: Participant[];
  /** The deal to tie the email to, when it goes to one contact with open deals. */
  deal: DealChoice | null;
}

const emailsOf = (people: Participant[]) => people.map((person) => person.email);

export function createComposeLogging(
  context: LoggingContext,
  undoWindow: ReturnType<typeof createUndoWindow>,
) {
  const { doc, ask, lookups, signedIn } = context;
  const composes = new Map<Element, ComposeState>();
  const inFlight = new Set<Promise<void>>();
  // The Undo link a notice offered when the rep pressed Send: another action's, not this send's.
  const undoAtIntent = new WeakMap<Element, Element | null>();
  // The words of the rep's Schedule send choice for a compose: its send is held until then.
  const scheduleOf = new WeakMap<Element, string>();

  const tracker = createSendTracker({
    read: (compose) => readCompose(compose, signedIn()),
    isClosed: isComposeClosed,
    isSentShown: () => isMessageSentShown(doc),
    onSent: (compose, content) => {
      // Read now: the compose's state is dropped once it has closed.
      const state = composes.get(compose);
      if (!state?.on) return;
      const before = undoAtIntent.get(compose) ?? null;
      const dealIds = state.deal ? { [state.deal.contactId]: state.deal.dealId } : undefined;
      const words = scheduleOf.get(compose);
      const holding = holdSent(content, audienceOf(state), before, dealIds, words).finally(() =>
        inFlight.delete(holding),
      );
      inFlight.add(holding);
    },
    ...(context.now ? { now: context.now } : {}),
  });

  /**
   * The worker holds the send through Gmail's Undo window, then decides whom for (contacts only,
   * never colleagues) and queues the writes; the rep is told whom it will be, as the toggle said.
   */
  async function holdSent(
    content: ComposeContent,
    audience: Audience | null,
    before: Element | null,
    dealIds?: Record<string, string | null>,
    words?: string,
  ) {
    if (content.recipients.length === 0) return;
    const whom = audience ? [...audience.log, ...audience.add].map((p) => p.name ?? p.email) : null;
    const lang = doc.documentElement.lang || navigator.language;
    const scheduled = words ? { words, lang } : undefined;
    await undoWindow.hold(emailOf(content, dealIds), content.draftId, whom, before, scheduled);
  }

  const emailOf = (content: ComposeContent, dealIds?: Record<string, string | null>) =>
    toEmailToLog(content.recipients, content, signedIn(), undefined, dealIds);

  function audienceOf(state: ComposeState): Audience | null {
    const known = lookups.knownForLogging(emailsOf(state.recipients));
    const addUnknown = context.prefs().addUnknownRecipients;
    return known ? planAudience(state.recipients, signedIn(), known, addUnknown) : null;
  }

  function paint(state: ComposeState) {
    state.host.render(
      h(ComposeLogToggle, {
        on: state.on,
        audience: audienceOf(state),
        blocked: context.emailTextAllowed() ? null : EMAIL_TEXT_NOT_ALLOWED,
        onToggle: (on) => {
          state.on = on;
          state.touched = true;
          void refresh(state);
        },
        deal: state.deal && {
          deals: state.deal.deals,
          value: state.deal.dealId,
          onChange: (dealId) => {
            if (state.deal) state.deal = { ...state.deal, dealId };
            paint(state);
          },
        },
      }),
    );
  }

  /** Offers the deals of the one contact the email would be logged for, kept while it stays. */
  async function refreshDeal(state: ComposeState) {
    const emails = emailsOf(state.recipients);
    const addUnknown = context.prefs().addUnknownRecipients;
    const known = lookups.knownForLogging(emails);
    const contactId = soleContactId(state.recipients, known, signedIn(), addUnknown);
    if (contactId === (state.deal?.contactId ?? null)) return;
    state.deal = null;
    const choice = contactId ? await loadDealChoice(ask, contactId) : null;
    // The recipients may have changed while the deals were read.
    const now = soleContactId(
      state.recipients,
      lookups.knownForLogging(emailsOf(state.recipients)),
      signedIn(),
      addUnknown,
    );
    if (now === contactId) state.deal = choice;
    paint(state);
  }

  /** Repaints, and while the toggle is on, checks recipients not known yet, then repaints. */
  async function refresh(state: ComposeState) {
    paint(state);
    const emails = emailsOf(state.recipients);
    if (!state.on) return;
    if (lookups.needsAskingForLogging(emails)) {
      await lookups.resolveForLogging(emails, signedIn());
      paint(state);
    }
    await refreshDeal(state);
  }

  // Drafts whose send the rep undid, with the toggle on: back open, they keep it on.
  const undone = new Set<string>();

  function track(compose: Element) {
    const recipients = findComposeParticipants(compose, signedIn());
    const state = composes.get(compose);
    if (!state) {
      const draftId = draftIdOf(compose);
      // Gmail's Undo puts the draft back: whatever the notice showed, that send is undone.
      if (draftId && undoWindow.holds(draftId)) undoWindow.reopened(draftId);
      const wasOn = draftId !== null && undone.delete(draftId);
      const host = createPreactHost(doc, {
        tag: 'vivre-email-log',
        css: EMAIL_LOG_CSS,
        theme: context.theme(),
        repInputOnly: true,
      });
      placeInCompose(compose, host.element);
      const fresh: ComposeState = {
        host,
        on: wasOn || context.prefs().logEmailsByDefault,
        touched: wasOn,
        recipients,
        deal: null,
      };
      composes.set(compose, fresh);
      void refresh(fresh);
      // The rep may have changed the default in options since this tab loaded.
      void context.reloadPrefs().then(({ logEmailsByDefault }) => {
        if (fresh.touched || fresh.on === logEmailsByDefault) return;
        fresh.on = logEmailsByDefault;
        void refresh(fresh);
      });
    } else if (emailsOf(recipients).join() !== emailsOf(state.recipients).join()) {
      state.recipients = recipients;
      void refresh(state);
    }
  }

  return {
    /** After each page change: new composes get a toggle, closed ones are checked for a send. */
    sync(open: Element[]) {
      for (const compose of open) track(compose);
      tracker.check();
      for (const [compose, state] of composes) {
        if (compose.isConnected && !isComposeClosed(compose)) continue;
        state.host.destroy();
        // Kept while the tracker waits for "Message sent": the toggle decides what is logged.
        if (!tracker.tracks(compose)) composes.delete(compose);
      }
    },
    /** The rep's Send click or Ctrl/Cmd+Enter in a compose: read it now, before Gmail removes it. */
    intent(compose: Element) {
      scheduleOf.delete(compose);
      undoAtIntent.set(compose, findOfferedUndo(doc));
      tracker.intent(compose);
      tracker.check();
    },
    /** The rep's choice of a time in Gmail's Schedule send for this compose: the same, held till then. */
    schedule(compose: Element, words: string) {
      scheduleOf.set(compose, words);
      undoAtIntent.set(compose, findOfferedUndo(doc));
      tracker.intent(compose);
      tracker.check();
    },
    /** A held send of this draft was undone: it may be sent (and logged) again. */
    undone(draftId: string | null) {
      tracker.forget(draftId);
      if (draftId) undone.add(draftId);
    },
    /** Resolves once every send has been handed to the worker (or found to need nothing). */
    settled: () => Promise.all(inFlight).then(() => undefined),
    destroy() {
      for (const state of composes.values()) state.host.destroy();
      composes.clear();
    },
  };
}
