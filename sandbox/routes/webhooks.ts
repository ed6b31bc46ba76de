/**
 * /v1/webhooks (admin keys only): register, list, delete endpoints and list
 * their deliveries. The reference only says webhooks exist and are signed;
 * these endpoints are ASSUMPTIONS (see docs/SANDBOX.md).
 */
import { z } from 'zod';
import { MAX_LIST_LIMIT, DEFAULT_LIST_LIMIT, WebhookCreate } from '../../lib/shared/vivre/contract';
import { invalid, notFound } from '../api-error';
import type { StoredWebhook, WorkspaceData } from '../types';
import { parseWith } from '../validate';
import { checkWebhookUrl } from '../webhook-targets';
import { newWebhookSecret } from '../webhooks';
import { isoNow, newestFirst, paginate, queryObject, type Route, type RouteContext } from './route';

const PageQuery = z
  .object({
    limit: z.coerce.number().int().min(1).max(MAX_LIST_LIMIT).default(DEFAULT_LIST_LIMIT),
    offset: z.coerce.number().int().min(0).default(0),
  })
  .strict();

function findWebhook(ws: WorkspaceData, id: string): StoredWebhook {
  const webhook = Object.hasOwn(ws.webhooks, id) ? ws.webhooks[id] : undefined;
  if (!webhook) throw notFound('webhook', id);
  return webhook;
}

/** The secret is shown once, at creation, like a real provider would. */
const withoutSecret = ({ secret: _secret, ...webhook }: StoredWebhook) => webhook;

function create(ctx: RouteContext) {
  const input = parseWith(WebhookCreate, ctx.body);
  const refused = checkWebhookUrl(input.url, ctx.webhookReach);
  if (refused) throw invalid('url', refused);
  const webhook: StoredWebhook = {
    id: ctx.store.nextId('wh'),
    url: input.url,
    events: [...new Set(input.events)],
    secret: newWebhookSecret(),
    created_at: isoNow(ctx),
  };
  ctx.ws.webhooks[webhook.id] = webhook;
  return { status: 201, body: webhook };
}

function list(ctx: RouteContext) {
  const query = parseWith(PageQuery, queryObject(ctx.query));
  const webhooks = Object.values(ctx.ws.webhooks).sort(newestFirst).map(withoutSecret);
  return { status: 200, body: paginate(webhooks, query.limit, query.offset) };
}

function remove(ctx: RouteContext) {
  const webhook = findWebhook(ctx.ws, ctx.params[0]!);
  delete ctx.ws.webhooks[webhook.id];
  for (const [id, delivery] of Object.entries(ctx.ws.deliveries)) {
    if (delivery.webhook_id === webhook.id) delete ctx.ws.deliveries[id];
  }
  return { status: 200, body: { id: webhook.id, deleted: true } };
}

function deliveries(ctx: RouteContext) {
  const webhook = findWebhook(ctx.ws, ctx.params[0]!);
  const query = parseWith(PageQuery, queryObject(ctx.query));
  const items = Object.values(ctx.ws.deliveries)
    .filter((delivery) => delivery.webhook_id === webhook.id)
    .sort(newestFirst);
  return { status: 200, body: paginate(items, query.limit, query.offset) };
}

const one = /^\/v1\/webhooks\/([^/]+)$/;
export const webhookRoutes: Route[] = [
  { method: 'GET', pattern: /^\/v1\/webhooks$/, permission: 'admin', handle: list },
  { method: 'POST', pattern: /^\/v1\/webhooks$/, permission: 'admin', handle: create },
  {
    method: 'GET',
    pattern: one,
    permission: 'admin',
    handle: (ctx) => ({ status: 200, body: withoutSecret(findWebhook(ctx.ws, ctx.params[0]!)) }),
  },
  { method: 'DELETE', pattern: one, permission: 'admin', handle: remove },
  {
    method: 'GET',
    pattern: /^\/v1\/webhooks\/([^/]+)\/deliveries$/,
    permission: 'admin',
    handle: deliveries,
  },
];
