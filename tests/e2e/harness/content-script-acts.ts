/**
 * What Gmail's page can make our content script do (it drives the content script's inputs), as
 * functions run in the content script's own world: `evaluateFunctionInContentScript` in
 * Chromium, `evaluateInFirefoxContentScript` in Firefox. Each is sent there as its source, so it
 * uses only its arguments and a content script's `chrome.*`: that is why each asks for itself.
 */
import type { Answer } from '@/lib/shared/messaging/protocol';

interface ContentScriptChrome {
  runtime: {
    sendMessage(message: unknown, callback: (wire?: { res?: unknown }) => void): void;
    lastError?: { message?: string };
  };
  storage: { local: { set(values: Record<string, unknown>): Promise<void> } };
}
declare const chrome: ContentScriptChrome;

/** One message to the worker, as the content script's messenger sends it. */
export function askAsContentScript(type: string, data?: unknown): Promise<Answer<unknown>> {
  return new Promise((resolve) => {
    const message = { id: Math.floor(Math.random() * 1e9), type, data, timestamp: Date.now() };
    chrome.runtime.sendMessage(message, (wire) => {
      const failed = {
        kind: 'unknown' as const,
        message: chrome.runtime.lastError?.message ?? 'No answer',
      };
      resolve((wire?.res as Answer<unknown> | undefined) ?? { ok: false, error: failed });
    });
  });
}

export interface Flood {
  /** Holds the worker took (each settled "sent" at once, as a page could make the tab do). */
  held: number;
  /** Refusals, by the sentence the worker gave. */
  refused: Record<string, number>;
  seconds: number;
}

/** `count` held sends of `email`, each settled "sent" the moment it is held. */
export async function floodHeldSends(count: number, email: object): Promise<Flood> {
  const ask = (type: string, data: unknown) =>
    new Promise<{ ok: boolean; error?: { message: string } }>((resolve) => {
      const message = { id: Math.floor(Math.random() * 1e9), type, data, timestamp: Date.now() };
      chrome.runtime.sendMessage(message, (wire) =>
        resolve((wire?.res as { ok: boolean }) ?? { ok: false, error: { message: 'No answer' } }),
      );
    });
  const started = Date.now();
  const flood: Flood = { held: 0, refused: {}, seconds: 0 };
  for (let n = 0; n < count; n++) {
    const sendId = `send-${crypto.randomUUID()}`;
    const answer = await ask('holdEmailLog', { sendId, commitAt: Date.now() + 35_000, email });
    if (answer.ok) {
      flood.held++;
      await ask('settleEmailLog', { sendId, outcome: 'sent' });
    } else {
      const why = answer.error?.message ?? '';
      flood.refused[why] = (flood.refused[why] ?? 0) + 1;
    }
  }
  flood.seconds = (Date.now() - started) / 1000;
  return flood;
}

/** Writes `values` into storage.local, which a content script may. */
export async function writeStorageLocal(values: Record<string, unknown>): Promise<void> {
  await chrome.storage.local.set(values);
}
