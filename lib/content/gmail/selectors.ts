/**
 * Every Gmail selector Vivre uses, in one place, so a Gmail redesign is fixed here and nowhere else.
 * The rest of lib/content/gmail reads Gmail's DOM through these and does nothing else: no UI of its own,
 * no messaging, no Vivre knowledge.
 *
 * Rule: anchor on attributes that have survived every redesign since ~2012 (`email`, `name`,
 * `data-hovercard-id`, `data-name`, `data-message-id`, `name=to|cc|bcc`, `role`). Gmail's class
 * names (`gD`, `g2`, `hb`, `a3s`, ...) are minified and change; they appear only as hints in the
 * newest-first lists below, each ending in an attribute-only fallback so detection keeps working
 * when the classes are renamed. `seen` is when that markup was observed ('stable' = attribute only).
 */
import { SEND_WORDS } from './send-words';

interface DatedSelector {
  seen: string;
  selector: string;
}

/** A list is tried in order and the first selector that matches anything wins. */
export type SelectorFallbacks = readonly DatedSelector[];

/** One expanded message of the open thread: the only kind that carries Gmail's message id. */
export const MESSAGE: SelectorFallbacks = [
  // div.adn.ads: real 2025-08 capture (tashifkhan/JIIT-placement-alerts) and gmail.js '.adn[data-message-id]'.
  { seen: '2025-08', selector: '.adn[data-message-id]' },
  { seen: 'stable', selector: '[data-message-id]' },
  // Older builds carried only the hex id.
  { seen: 'stable', selector: '[data-legacy-message-id]' },
];

/**
 * A collapsed message of the open thread: its one-line header (avatar, sender, date, snippet),
 * which carries no data-message-id. div.kv[role=listitem] > … > div.adf.ads: real 2019-12 capture
 * (forestsilence/GmailPageFactoryTest @df4539de, MailPage.java); InboxSDK reads '.adf.ads' as the
 * collapsed header too (gmail-message-view.ts, 2024). The fallback is any entry of the thread's
 * list; entries that hold an expanded message are that message, not a collapsed one.
 */
export const COLLAPSED_MESSAGE: SelectorFallbacks = [
  { seen: '2019-12', selector: '.adf.ads' },
  { seen: 'stable', selector: '[role=list] [role=listitem]' },
];

/** One entry of the thread's message list, whatever state its message is in (2019-2025). */
export const MESSAGE_ITEM = '[role=listitem]';

/**
 * Hints at a list entry's state, from InboxSDK's gmail-message-view.ts (2024): div.kQ / div.kx are
 * messages Gmail keeps but does not show (the "N older messages" fold), div.kv / div.ky collapsed
 * ones, whose expanded copy, when Gmail keeps one, is hidden. No attribute says this.
 */
export const HIDDEN_MESSAGE_ITEM = '.kQ, .kx';
export const COLLAPSED_MESSAGE_ITEM = '.kv, .ky';

/**
 * The "Show details" popup of an expanded message (from, to, cc, bcc, date… one row each). After
 * the rep first opens it, it stays inside the message hidden by an inline visibility:hidden: its
 * people are twins of the header's, a source of roles, never a place for a chip. InboxSDK
 * get-updated-contact.ts (2024): '.ajA.SK', its table '.ajC [email]', its button '.ajy'.
 */
export const MESSAGE_DETAILS = '.ajA, .ajC';

/** The sender inside one message. The first element matched is the sender. */
export const MESSAGE_SENDER: SelectorFallbacks = [
  // h3.iw span.gD[email][name][data-hovercard-id]: real 2025-08 expanded header.
  { seen: '2025-08', selector: 'h3 .gD[email]' },
  // '.gD[email]' alone, as many Gmail extensions read the sender (2016-2025): survives a heading change.
  { seen: '2016', selector: '.gD[email]' },
  // The sender is the heading of a message header; then simply the first address in the header.
  { seen: 'stable', selector: 'h3 [email], [role=heading] [email]' },
  { seen: 'stable', selector: '[email]' },
];

/**
 * The To/Cc/Bcc recipients inside one message; their role comes from the labels of the recipient
 * line ("to A, cc: B") and of the "Show details" table, in any UI language (recipient-roles.ts).
 */
export const MESSAGE_RECIPIENTS: SelectorFallbacks = [
  // span.hb > span.g2[email]: real 2025-08 recipient line ("to procurement-team").
  { seen: '2025-08', selector: '.hb [email]' },
  { seen: 'stable', selector: '[email]' },
];

/**
 * Never read from these: message bodies and editors hold untrusted text and links (mailto:) to
 * people who are not on the email. All of them apply at once (a union, not fallbacks).
 */
export const MESSAGE_BODY = [
  '.a3s', // 2014-2025-08: div.a3s.aiL, the rendered body
  '.ii.gt', // 2025-08: the body's wrapper
  '.gmail_quote', // quoted history inside a body
  'blockquote',
  '[contenteditable]', // compose and reply body editors (2020: div.Am.Al.editable)
  '[role=textbox]',
  'a[href]', // addresses inside links are body content, never header chips
].join(',');

/** Any element Gmail puts a person's address on: `email`, or `data-hovercard-id` (PeopleKit chips). */
export const PERSON = '[email], [data-hovercard-id]';

/** An element carrying an address in `email`; text inside it is a name, never a "to"/"cc:" label. */
export const ADDRESS_HOLDER = '[email]';

/** Elements that repeat a person already read from the header: the avatar (img.ajn[jid]). */
export const REPEATED_PERSON = 'img, [jid], .ajn';

/**
 * The one-line summary Gmail shows in a compose instead of its To/Cc/Bcc rows once they are
 * folded away (div.aoD.hl > div.oL.aDm, reading "Recipients" while empty: real 2020 compose,
 * evan-brass/js-min @ec4d905). It repeats each chip as span[email][data-hovercard-id]: the
 * "a11y twins" of the OutboxIQ probe of live Gmail (fenil-dedhia/OutboxIQ @a052e6e,
 * research/compose-recipients-probe.md, 2026-05). A chip's role comes from its field, never from here.
 */
export const RECIPIENT_SUMMARY: SelectorFallbacks = [
  { seen: '2026-05', selector: '.oL [email]' },
  { seen: 'stable', selector: '[email]' },
];

/**
 * A compose's fields, its recipient summary and its subject sit in a form (form.bAs, 2020-2025);
 * a message header never does, so people inside one are a compose's, never a message's.
 */
export const COMPOSE_FORM = 'form';

/** A compose window's or inline reply's recipient field; its `name` is the role. */
export const RECIPIENT_FIELD = '[name="to"], [name="cc"], [name="bcc"]';

/**
 * A hidden input is form data, never a field a rep sees: classic compose put an input[name=to]
 * inside each chip.
 */
export const HIDDEN_INPUT = 'input[type=hidden]';

/** The list PeopleKit keeps a field's chips in: each chip's wrapper is one of its children. */
export const RECIPIENT_LIST = '[role=listbox]';

/** Recipient chips inside one recipient field (or its row for classic compose). */
export const RECIPIENT_CHIP: SelectorFallbacks = [
  // PeopleKit chip div[role=option].afV[data-hovercard-id][data-name]: real 2023-08 markup
  // (Charlex123/outreach-frontend content.js), the fixture compose-peoplekit.html.
  { seen: '2023-08', selector: '[role=listbox] [role=option][data-hovercard-id]' },
  { seen: 'stable', selector: '[role=option][data-hovercard-id]' },
  // Pre-PeopleKit classic chips (before late 2021) as read by gmail.js: div.vR > span.vN[email].
  // Not verified against a capture.
  { seen: '2020', selector: '.vR [email]' },
  { seen: 'stable', selector: '[data-hovercard-id]:not(img), [email]:not(img)' },
];

/** Where text is typed before Gmail turns it into a chip: input.agP.aFw[role=combobox] (2023). */
export const RECIPIENT_TYPING = 'input:not([type=hidden]), textarea';

/**
 * The signed-in account when the title does not name it: the Google bar's account button, whose
 * label reads "Google Account: Name (address)" (2020-2025). The #gb id predates Gmail's redesigns.
 */
export const ACCOUNT_BUTTON = '#gb a[aria-label*="@"], header a[aria-label*="@"]';

/** Our own elements: never read as Gmail markup, never a reason to re-scan. */
export const VIVRE_HOST = '[data-vivre-host]';

/* ---- Email logging: sending a compose, reading a message (added 2026-11 for email logging) ---- */

function labelled(base: string, attribute: string, words: readonly string[]): string {
  return words.map((word) => `${base}[${attribute}^="${word}"]`).join(', ');
}

/** A compose window's or inline reply's Send button (not the "More send options" arrow beside it). */
export const SEND_BUTTON: SelectorFallbacks = [
  // div.T-I.J-J5-Ji.aoO.v7.T-I-atl.L3[role=button] "Send": gmail.js `.T-I.aoO` (2014-2025), InboxSDK.
  { seen: '2024', selector: '.T-I.aoO[role=button]' },
  // The tooltip names the shortcut in every locale: "Send ‪(Ctrl-Enter)‬", "Envoyer ‪(⌘Entrée)‬"...
  { seen: 'stable', selector: '[role=button][data-tooltip*="Enter)"]' },
  // The button's own word, in Gmail's main UI languages (aria-label "Отправить": real 2020
  // capture, forestsilence/GmailPageFactoryTest @88a0be8; the others are Gmail's published UI
  // words, not captures). A rep's Ctrl/Cmd+Enter needs no word at all.
  { seen: 'stable', selector: labelled('[role=button]', 'aria-label', SEND_WORDS) },
];

/** The subject box a rep types in (input.aoT, stable name since 2012). */
export const COMPOSE_SUBJECT_BOX = 'input[name="subjectbox"]';
/** Where a subject is read from; inline replies keep it in the hidden `subject` input. */
export const COMPOSE_SUBJECT = `${COMPOSE_SUBJECT_BOX}, input[name="subject"]`;

/** A compose's body editor: div.Am.Al.editable[contenteditable][role=textbox] (2020-2025). */
export const COMPOSE_BODY: SelectorFallbacks = [
  { seen: '2020', selector: '.Am.editable[contenteditable]' },
  { seen: 'stable', selector: '[contenteditable="true"][role="textbox"], [g_editable="true"]' },
];

/**
 * The draft's id (`#msg-a:r-...`) in a hidden input of each compose's form: stable across Gmail's
 * re-renders of one compose, so it keys "already logged" better than the element does.
 */
export const COMPOSE_DRAFT_ID = 'input[name="draft"]';

/**
 * Gmail's notification bar ("butter bar"), which says a message was sent: div.b8[role=alert] >
 * div.vh > span.aT > span.bAq (text) + span.bAo (links): InboxSDK gmail-butter-bar-driver.ts
 * (2024), gmail.js '.b8.UC .vh' (2014). Its role=alert outlasts the class names.
 */
export const NOTIFICATION_BAR: SelectorFallbacks = [
  { seen: '2014', selector: '.vh' },
  { seen: 'stable', selector: '[role="alert"], [aria-live="assertive"], [aria-live="polite"]' },
];

/**
 * The links of a "Message sent" notice, by Gmail's own ids, the same in every UI language: Undo
 * (span#link_undo, while the send can still be undone; Gmail hides it with an inline
 * visibility:hidden when there is nothing to undo) and View message (span#link_vsm; replies have
 * none). Ids as Selenium scripts read them since 2015 and Meru does today
 * (zoidsh/meru @384036d, packages/preload-workspace-app/apps/mail.ts, 2026). An undo link also
 * follows "Conversation archived", so it says "sent" only together with a send we saw.
 */
export const UNDO_LINK = '#link_undo';
export const VIEW_SENT_LINK = '#link_vsm';

/**
 * Where Gmail paints its theme behind messages: the mail area div.bkK > div.nH, whose background
 * InboxSDK reads to tell a dark body (track-gmail-styles.ts, 2024), then the main region.
 */
export const THEME_SURFACE: SelectorFallbacks = [
  { seen: '2024', selector: '.bkK > .nH' },
  { seen: 'stable', selector: '[role=main]' },
];

/**
 * A left-navigation entry (div.aio): InboxSDK tells a dark Gmail theme by its text colour, which
 * stays readable over a theme's background image (track-gmail-styles.ts, 2024).
 */
export const THEME_TEXT: SelectorFallbacks = [
  { seen: '2024', selector: '.aio' },
  { seen: 'stable', selector: '[role=navigation] a, [role=main]' },
];

/** The open thread's subject: h2.hP (gmail.js, InboxSDK '.ha h2', 2014-2025). */
export const THREAD_SUBJECT: SelectorFallbacks = [
  { seen: '2014', selector: 'h2.hP' },
  { seen: 'stable', selector: '[role="main"] h2, h2[data-thread-perm-id]' },
];

/**
 * Left out of a body's text: quoted history (what the other side already wrote: div.gmail_quote
 * or a blockquote), scripts and styles, and our own hosts.
 */
export const NOT_BODY_TEXT = `.gmail_quote, blockquote, script, style, ${VIVRE_HOST}`;

/**
 * The heading line of an expanded message's header, the one naming the sender (h3.iw, 2025-08):
 * "Log this email" goes after it.
 */
export const MESSAGE_HEADING = 'h3, [role="heading"]';

/** The rendered body of one thread message: div.a3s.aiL inside div.ii.gt (2014-2025-08). */
export const MESSAGE_BODY_TEXT: SelectorFallbacks = [
  { seen: '2025-08', selector: '.ii.gt .a3s' },
  { seen: '2014', selector: '.a3s' },
  { seen: 'stable', selector: '[dir="ltr"]' },
];

/* ---- The list views: inbox, labels, search results (added 2026-11 for inbox score chips) ---- */

/**
 * One conversation row of a list. tr.zA (zE unread, yO read) in every capture from 2014
 * (InboxSDK __tests__/injected-thread-identifier.html) to 2019-12 (forestsilence/GmailAtlasTest),
 * where it also carries role=row. Every row names its accessible summary with aria-labelledby.
 */
export const INBOX_ROW: SelectorFallbacks = [
  { seen: '2014', selector: 'tr.zA' },
  { seen: 'stable', selector: 'tr[role=row][aria-labelledby], tr[aria-labelledby]' },
];

/**
 * Where a row shows its people ("me, Alice (3)"): div.yW inside the sender cell td.yX
 * (2014-2019-12 captures). The fallback is the sender gridcell; its hidden summary (below)
 * is left out by the reader, not by this selector.
 */
export const INBOX_ROW_PEOPLE: SelectorFallbacks = [
  { seen: '2014', selector: '.yW' },
  { seen: 'stable', selector: '[role=gridcell]' },
];

/**
 * A row's screen-reader summary, which repeats its people ("unread, me, aaa, 12:35 pm"; since
 * 2019 with span[email]s inside): div.afn, hidden by Gmail's CSS, not by any attribute. The row's
 * aria-labelledby names it too, which is how the reader also knows it without the class.
 */
export const INBOX_ROW_SUMMARY = '.afn';

/** The leftmost, empty padding cell of a row (td.PF, 2014-2019-12): where the hot-lead mark goes. */
export const INBOX_ROW_MARK_CELL: SelectorFallbacks = [
  { seen: '2014', selector: 'td.PF' },
  { seen: 'stable', selector: 'td:first-child' },
];
