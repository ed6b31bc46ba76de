/** The shape every resource handler shares: pure-ish functions from a request context to a response. */
import type { IncomingMessage } from 'node:http';
import type { Caller } from '../auth';
import type { Faults } from '../faults';
import type { ApiResponse } from '../http';
import type { Store } from '../store';
import type { EventType, Permission, WorkspaceData } from '../types';
import type { WebhookReach } from '../webhook-targets';

export interface RouteContext {
  req: IncomingMessage;
  /** Captured path segments, e.g. the contact id. */
  params: string[];
  query: URLSearchParams;
  /** The parsed JSON object of a POST/PATCH/PUT; `{}` for other methods. */
  body: Record<string, unknown>;
  caller: Caller;
  ws: WorkspaceData;
  store: Store;
  now: () => number;
  emit: (type: EventType, data: unknown) => void;
  faults: () => Faults;
  setFaults: (faults: Partial<Faults>) => void;
  webhookReach: WebhookReach;
}

export interface Route {
  method: 'GET' | 'POST' | 'PATCH' | 'PUT' | 'DELETE';
  pattern: RegExp;
  permission: Permission;
  /** Only `GET /v1/me`: lets a settings screen discover the workspace from the key alone. */
  workspaceOptional?: boolean;
  handle: (ctx: RouteContext) => ApiResponse | Promise<ApiResponse>;
}

export const isoNow = (ctx: RouteContext) => new Date(ctx.now()).toISOString();

/** Query strings hold strings; the contract's schemas coerce them. */
export const queryObject = (query: URLSearchParams) => Object.fromEntries(query.entries());

export function paginate<T>(items: T[], limit: number, offset: number) {
  return { data: items.slice(offset, offset + limit), total: items.length, limit, offset };
}

/** Newest first; ties broken by id so pages never shuffle. */
export function newestFirst<T extends { created_at: string; id: string }>(a: T, b: T): number {
  return (
    b.created_at.localeCompare(a.created_at) || b.id.localeCompare(a.id, 'en', { numeric: true })
  );
}

type Handler = Route['handle'];

/**
 * A resource's routes: list and create on /v1/{name}, and, where the resource has them, read
 * and update one on /v1/{name}/{id}. Reading needs a `read` key, changing a `write` key.
 */
export function resourceRoutes(
  name: string,
  handlers: {
    list: Handler;
    create: Handler;
    read?: (ctx: RouteContext) => unknown;
    update?: Handler;
  },
): Route[] {
  const all = new RegExp(`^/v1/${name}$`);
  const one = new RegExp(`^/v1/${name}/([^/]+)$`);
  const { list, create, read, update } = handlers;
  const routes: Route[] = [
    { method: 'GET', pattern: all, permission: 'read', handle: list },
    { method: 'POST', pattern: all, permission: 'write', handle: create },
  ];
  if (read) {
    const handle = (ctx: RouteContext) => ({ status: 200, body: read(ctx) });
    routes.push({ method: 'GET', pattern: one, permission: 'read', handle });
  }
  if (update) routes.push({ method: 'PATCH', pattern: one, permission: 'write', handle: update });
  return routes;
}
