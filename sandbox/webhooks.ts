/**
 * Delivers events to registered endpoints: signed POSTs of `{id, type,
 * created_at, data}`, a 5 s answer deadline, and retries with backoff (first
 * retry within 10 s so a developer sees it happen). Every attempt is recorded
 * and listed at GET /v1/webhooks/{id}/deliveries.
 */
import { createHmac, randomBytes } from 'node:crypto';
import { request as httpRequest } from 'node:http';
import { request as httpsRequest } from 'node:https';
import type { Store } from './store';
import type { EventType, StoredDelivery, WebhookEventPayload } from './types';
import { checkWebhookUrl, guardedLookup, type WebhookReach } from './webhook-targets';

export interface DeliveryOptions {
  /** How long an endpoint has to answer 2xx. */
  timeoutMs: number;
  /** Wait before each retry; its length + 1 is the number of attempts. */
  retryDelaysMs: number[];
  log: (message: string) => void;
  /** Where deliveries may connect (webhook-targets.ts). */
  reach: WebhookReach;
}

export const DEFAULT_DELIVERY: DeliveryOptions = {
  timeoutMs: 5_000,
  retryDelaysMs: [5_000, 30_000, 120_000, 600_000, 3_600_000],
  log: () => undefined,
  reach: 'loopback',
};

/**
 * One signed POST, answered with the status or why there was none. node:http rather than
 * fetch: its `lookup` hook lets every resolved address be checked as the connection is made,
 * and it never follows a redirect. The reasons are deliberately coarse, so a delivery record
 * says little about what listens where.
 */
function post(
  url: string,
  body: string,
  headers: Record<string, string>,
  { timeoutMs, reach }: Pick<DeliveryOptions, 'timeoutMs' | 'reach'>,
  signal: AbortSignal,
): Promise<{ status: number } | { error: string }> {
  const refused = checkWebhookUrl(url, reach);
  if (refused) return Promise.resolve({ error: `Not sent: ${refused}` });
  return new Promise((resolve) => {
    const target = new URL(url);
    const send = target.protocol === 'https:' ? httpsRequest : httpRequest;
    const timer = setTimeout(
      () => finish({ error: `No answer within ${timeoutMs} ms` }),
      timeoutMs,
    );
    const req = send(target, {
      method: 'POST',
      headers: { ...headers, 'Content-Length': String(Buffer.byteLength(body)) },
      lookup: guardedLookup(reach) as never,
      signal,
    });
    function finish(outcome: { status: number } | { error: string }) {
      clearTimeout(timer);
      req.destroy();
      resolve(outcome);
    }
    req.on('response', (res) => {
      res.resume();
      finish({ status: res.statusCode ?? 0 });
    });
    req.on('error', (error) => {
      const refusal = (error as NodeJS.ErrnoException).code === 'EREFUSED';
      finish({ error: refusal ? `Not sent: ${error.message}` : 'Could not connect' });
    });
    req.end(body);
  });
}

export function signatureHeader(secret: string, body: string, unixSeconds: number): string {
  const digest = createHmac('sha256', secret).update(`${unixSeconds}.${body}`).digest('hex');
  return `t=${unixSeconds},v1=${digest}`;
}

export const newWebhookSecret = () => `whsec_${randomBytes(24).toString('hex')}`;

export class WebhookDispatcher {
  private readonly options: DeliveryOptions;
  private readonly timers = new Set<NodeJS.Timeout>();
  private readonly inFlight = new Set<AbortController>();
  private closed = false;

  constructor(
    private readonly store: Store,
    options: Partial<DeliveryOptions> = {},
  ) {
    this.options = { ...DEFAULT_DELIVERY, ...options };
  }

  publish(workspaceId: string, type: EventType, data: unknown): void {
    const ws = this.store.workspace(workspaceId);
    if (!ws) return;
    const now = new Date();
    const event: WebhookEventPayload = {
      id: this.store.nextId('evt'),
      type,
      created_at: now.toISOString(),
      data,
    };
    for (const webhook of Object.values(ws.webhooks)) {
      if (!webhook.events.includes(type)) continue;
      const delivery: StoredDelivery = {
        id: this.store.nextId('dlv'),
        webhook_id: webhook.id,
        event,
        status: 'pending',
        attempts: [],
        next_attempt_at: now.toISOString(),
        created_at: now.toISOString(),
      };
      ws.deliveries[delivery.id] = delivery;
      this.schedule(workspaceId, delivery.id, 0);
    }
    this.store.changed();
  }

  /** After a restart, picks up deliveries that were still waiting for a retry. */
  resume(): void {
    for (const ws of Object.values(this.store.state.workspaces)) {
      for (const delivery of Object.values(ws.deliveries)) {
        if (delivery.status !== 'pending') continue;
        const due = Date.parse(delivery.next_attempt_at ?? '') - Date.now();
        this.schedule(ws.id, delivery.id, Math.max(0, due || 0));
      }
    }
  }

  close(): void {
    this.closed = true;
    for (const timer of this.timers) clearTimeout(timer);
    this.timers.clear();
    for (const controller of this.inFlight) controller.abort();
  }

  private schedule(workspaceId: string, deliveryId: string, delayMs: number): void {
    if (this.closed) return;
    const timer = setTimeout(() => {
      this.timers.delete(timer);
      void this.attempt(workspaceId, deliveryId);
    }, delayMs);
    this.timers.add(timer);
  }

  private async attempt(workspaceId: string, deliveryId: string): Promise<void> {
    const ws = this.store.workspace(workspaceId);
    const delivery = ws?.deliveries[deliveryId];
    if (!ws || !delivery || delivery.status !== 'pending') return;
    const webhook = ws.webhooks[delivery.webhook_id];
    if (!webhook) {
      delivery.status = 'failed';
      delivery.next_attempt_at = null;
      return;
    }
    const body = JSON.stringify(delivery.event);
    const at = new Date();
    const controller = new AbortController();
    this.inFlight.add(controller);
    const headers = {
      'Content-Type': 'application/json',
      'User-Agent': 'Vivre-Sandbox-Webhooks/1',
      'X-Vivre-Event': delivery.event.type,
      'X-Vivre-Delivery': delivery.id,
      'X-Vivre-Signature': signatureHeader(webhook.secret, body, Math.floor(at.getTime() / 1000)),
    };
    const outcome = await post(webhook.url, body, headers, this.options, controller.signal);
    this.inFlight.delete(controller);
    const status = 'status' in outcome ? outcome.status : null;
    let error = 'error' in outcome ? outcome.error : null;
    if (this.closed) return;
    if (status !== null && (status < 200 || status > 299)) error = `Answered HTTP ${status}`;
    delivery.attempts.push({ at: at.toISOString(), status, error });
    const retryDelay = this.options.retryDelaysMs[delivery.attempts.length - 1];
    if (!error) {
      delivery.status = 'succeeded';
      delivery.next_attempt_at = null;
    } else if (retryDelay === undefined) {
      delivery.status = 'failed';
      delivery.next_attempt_at = null;
      this.options.log(`Gave up delivering ${delivery.event.type} to ${webhook.url}: ${error}`);
    } else {
      delivery.next_attempt_at = new Date(Date.now() + retryDelay).toISOString();
      this.schedule(workspaceId, delivery.id, retryDelay);
    }
    this.store.changed();
  }
}
