/**
 * The worker's side of the messenger: who may ask, what they may send, and one
 * `Answer` shape back whatever happens. Checks run in this order, and a message
 * that fails one never reaches a handler, so it can cause no request:
 * 1. the sender is this extension: its popup, its options page, its panel, its card page
 *    framed in a Gmail tab, or its content script in a https://mail.google.com/ tab (web pages,
 *    other extensions and any other document of ours are refused);
 * 2. that kind of sender may send this message (`from` in messages.ts): settings come from
 *    the options page only, the outbox's actions from the popup only, and Gmail (content
 *    script or card) gets only what chips, cards and email logging use;
 * 3. the data matches its schema (messages.ts).
 * The worker never fetches a URL a message supplies: testConnection's baseUrl is used
 * only when the extension already holds a host permission for it (settings.ts).
 */
import type { z } from 'zod';
import { VivreError } from './vivre/errors';
import {
  MESSAGES,
  type HandlerData,
  type MessageType,
  type MessageValue,
  type SenderKind,
} from '../shared/messaging/messages';
import { messenger } from '../shared/messaging/messenger';
import type { Answer, RepError } from '../shared/messaging/protocol';

/** The fields of `runtime.MessageSender` the check reads; both browsers send more. */
export interface Sender {
  id?: string;
  url?: string;
  /** Chrome 80+, Firefox 126+: the sending document's origin. */
  origin?: string;
  /** Firefox only: 'content_child' for content scripts, 'addon_child' for extension pages. */
  envType?: string;
  frameId?: number;
  tab?: { id?: number; url?: string; title?: string };
  /** Set by the router once the sender is classified: handlers may limit by kind. */
  kind?: SenderKind;
}

export type { HandlerData };

export type Handlers = {
  [K in MessageType]: (data: HandlerData<K>, sender: Sender) => Promise<MessageValue<K>>;
};

const GMAIL_ORIGIN = 'https://mail.google.com';

export interface ExtensionIdentity {
  id: string;
  /** `chrome-extension://<id>/` or `moz-extension://<uuid>/` */
  root: string;
}

function originOf(sender: Sender): string | null {
  if (sender.origin) return sender.origin;
  if (!sender.url) return null;
  try {
    return new URL(sender.url).origin;
  } catch {
    return null;
  }
}

/** Our pages, by file, and the sender kind each is. Any other document of ours sends nothing. */
const PAGES: Record<string, SenderKind> = {
  'popup.html': 'popup',
  'options.html': 'options',
  'card.html': 'card',
  // The panel beside the email: Chrome's side panel and Firefox's sidebar have no tab; opened
  // as a tab it is its own (not web-accessible, so it is never framed in a web page).
  'sidepanel.html': 'panel',
};

const inGmail = (url: string | undefined) =>
  url === undefined || url.startsWith(`${GMAIL_ORIGIN}/`);

/**
 * Which of our pages sent it, from its URL, and whether it sits where that page belongs: the
 * popup, the options page and the panel are top-level documents (no tab, or a tab showing our
 * own page); the card is a frame inside a Gmail tab, and nowhere else (it is web-accessible to
 * Gmail, so a top-level card.html, or one in another tab, is refused).
 */
function classifyPage(sender: Sender, self: ExtensionIdentity): SenderKind | null {
  const file = sender.url!.slice(self.root.length).replace(/[?#].*$/, '');
  const kind = Object.hasOwn(PAGES, file) ? PAGES[file]! : null;
  const tabUrl = sender.tab?.url;
  if (kind === 'card') {
    const framed = sender.frameId === undefined || sender.frameId > 0;
    return sender.tab !== undefined && inGmail(tabUrl) && framed ? kind : null;
  }
  const topLevel = sender.frameId === undefined || sender.frameId === 0;
  const ownTab = tabUrl === undefined || tabUrl.startsWith(self.root);
  return kind && topLevel && ownTab ? kind : null;
}

/**
 * Who sent a message, from what both browsers really put in `runtime.MessageSender`
 * (tests/unit/lib/worker/fixtures/message-senders.ts): our id, then the sending document's
 * origin. `tab.url` is not required, because Firefox omits it without a host permission
 * for the tab (its MV2 build did, and every chip was refused); when it is there it must
 * agree. Firefox's `envType` must agree too when present. Only messages from
 * `runtime.sendMessage` reach here, and web pages cannot use it (no
 * `externally_connectable`), so a matching id means one of our own contexts.
 */
export function classifySender(sender: Sender, self: ExtensionIdentity): SenderKind | null {
  if (!sender.id || sender.id !== self.id) return null;
  // Extension URLs have opaque origins in the URL parser: compare with our root instead.
  if (sender.url?.startsWith(self.root)) {
    // Firefox gives an extension frame inside a web page only a content script's APIs and says
    // so in `envType` ('content_child', captured), and does not mean to change that
    // (w3c/webextensions#787): for our card, framed in a Gmail tab, that envType is accepted too.
    const kind = classifyPage(sender, self);
    const env =
      sender.envType === undefined ||
      sender.envType === 'addon_child' ||
      (sender.envType === 'content_child' && kind === 'card');
    const agrees = (sender.origin === undefined || `${sender.origin}/` === self.root) && env;
    return agrees ? kind : null;
  }
  const origin = originOf(sender);
  const gmail =
    origin === GMAIL_ORIGIN &&
    (sender.url === undefined || sender.url.startsWith(`${GMAIL_ORIGIN}/`)) &&
    sender.tab !== undefined &&
    inGmail(sender.tab.url) &&
    (sender.envType === undefined || sender.envType === 'content_child');
  return gmail ? 'gmail' : null;
}

const FORBIDDEN: RepError = {
  kind: 'forbidden',
  message: 'This request didn’t come from Vivre for Gmail, so it was refused.',
};

const BROKEN: RepError = {
  kind: 'unknown',
  message: 'Something went wrong in Vivre for Gmail. Try again.',
};

function describeInvalid(error: z.ZodError): RepError {
  const issue = error.issues[0];
  const param = issue?.path.map(String).join('.') || undefined;
  return {
    kind: 'validation',
    message: `Vivre for Gmail couldn’t use this${param ? ` (check “${param}”)` : ''}.`,
    ...(param ? { param } : {}),
  };
}

export async function routeMessage<K extends MessageType>(
  type: K,
  data: unknown,
  sender: Sender,
  handlers: Handlers,
  self: ExtensionIdentity,
): Promise<Answer<MessageValue<K>>> {
  const from = classifySender(sender, self);
  const spec = MESSAGES[type];
  if (from === null || !spec.from.includes(from)) return { ok: false, error: FORBIDDEN };
  const schema = spec.data as z.ZodType;
  const parsed = schema.safeParse(data);
  if (!parsed.success) return { ok: false, error: describeInvalid(parsed.error) };
  try {
    const handler = handlers[type] as (d: unknown, s: Sender) => Promise<MessageValue<K>>;
    return { ok: true, value: await handler(parsed.data, { ...sender, kind: from }) };
  } catch (error) {
    if (error instanceof VivreError) return { ok: false, error: error.toRepError() };
    // Never the data: it may hold the API key, which is never logged.
    console.error(
      `Vivre worker: ${String(type)} failed`,
      error instanceof Error ? error.name : typeof error,
    );
    return { ok: false, error: BROKEN };
  }
}

/** Registers one listener per message type; call synchronously at the top of the worker. */
export function registerWorkerRouter(handlers: Handlers, self: ExtensionIdentity): void {
  for (const type of Object.keys(MESSAGES) as MessageType[]) {
    messenger.onMessage(
      type,
      ({ data, sender }) => routeMessage(type, data, sender, handlers, self) as never,
    );
  }
}
