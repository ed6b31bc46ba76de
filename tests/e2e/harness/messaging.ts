/**
 * Talks to the worker exactly as the popup and options page do: a runtime message
 * in @webext-core/messaging's wire format ({id, type, data, timestamp}), answered
 * with {res} or {err}. Sent from one of our pages, so the worker's sender check treats it
 * as that page: each message must come from a page allowed to send it (messages.ts), the
 * options page for settings, the popup (opened as a tab) for writes and outbox actions.
 */
import type { Page } from 'playwright-core';
import type { Page as PuppeteerPage } from 'puppeteer-core';
import type { Answer } from '@/lib/shared/messaging/protocol';
import type { ProtocolMap } from '@/lib/shared/messaging/messages';

type Value<K extends keyof ProtocolMap> =
  ReturnType<ProtocolMap[K]> extends Answer<infer T> ? T : never;
type Data<K extends keyof ProtocolMap> = Parameters<ProtocolMap[K]>[0];

interface WireAnswer {
  res?: unknown;
  err?: unknown;
  lastError?: string;
}

/** The slice of the page's `chrome` global used here (the tests compile without Chrome's types). */
interface PageChrome {
  runtime: {
    sendMessage(message: unknown, callback: (response?: WireAnswer) => void): void;
    lastError?: { message?: string };
  };
}

/** An extension page in Chromium (Playwright) or Firefox (Puppeteer over BiDi). */
export type ExtensionPage = Page | PuppeteerPage;

/** Both libraries' `evaluate(fn, arg)`, which TypeScript cannot call through the union. */
export function evaluate<A, R>(
  page: ExtensionPage,
  fn: (arg: A) => Promise<R>,
  arg: A,
): Promise<R> {
  return (page as { evaluate(f: typeof fn, a: A): Promise<R> }).evaluate(fn, arg);
}

/** Sends one protocol message; returns the worker's Answer, or throws on a transport failure. */
export async function askWorker<K extends keyof ProtocolMap>(
  page: ExtensionPage,
  type: K,
  data?: Data<K>,
): Promise<Answer<Value<K>>> {
  const wire = await evaluate(
    page,
    ([messageType, messageData]) =>
      new Promise<WireAnswer>((resolve) => {
        const message = {
          id: Math.floor(Math.random() * 1e9),
          type: messageType,
          data: messageData,
          timestamp: Date.now(),
        };
        const { runtime } = (globalThis as unknown as { chrome: PageChrome }).chrome;
        runtime.sendMessage(message, (response) => {
          const lastError = runtime.lastError?.message;
          resolve(lastError ? { lastError } : (response ?? { lastError: 'No response' }));
        });
      }),
    [type, data] as const,
  );
  if (wire.lastError) throw new Error(`Worker unreachable for ${type}: ${wire.lastError}`);
  if (wire.err) throw new Error(`Worker threw on ${type}: ${JSON.stringify(wire.err)}`);
  return wire.res as Answer<Value<K>>;
}

/** Like askWorker, but unwraps `{ok:true}` and fails loudly with the RepError otherwise. */
export async function askWorkerOk<K extends keyof ProtocolMap>(
  page: ExtensionPage,
  type: K,
  data?: Data<K>,
): Promise<Value<K>> {
  const answer = await askWorker(page, type, data);
  if (!answer.ok) throw new Error(`${type} failed: ${JSON.stringify(answer.error)}`);
  return answer.value;
}
