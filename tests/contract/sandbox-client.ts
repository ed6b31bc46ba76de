/**
 * Test helpers: a sandbox started in-process on a free port with nothing kept on
 * disk, and a tiny fetch wrapper that speaks to it with a chosen key.
 */
import { afterAll, beforeAll, expect } from 'vitest';
import { ErrorEnvelope } from '@/lib/shared/vivre/contract';
import { DEMO_KEYS } from '@/sandbox/seed';
import { startSandbox, type Sandbox, type SandboxOptions } from '@/sandbox/server';

export { DEMO_KEYS };

// Replies are untyped JSON on purpose: the assertions check the shapes.
// eslint-disable-next-line @typescript-eslint/no-explicit-any
export interface Reply<T = any> {
  status: number;
  headers: Headers;
  body: T;
}

export interface CallOptions {
  key?: string | null;
  workspace?: string | null;
  body?: unknown;
  /** Sent as-is instead of JSON-encoding `body`. */
  raw?: string;
  headers?: Record<string, string>;
}

export function clientFor(url: string, defaults: CallOptions = {}) {
  // eslint-disable-next-line @typescript-eslint/no-explicit-any
  return async function call<T = any>(
    method: string,
    path: string,
    options: CallOptions = {},
  ): Promise<Reply<T>> {
    const merged = { ...defaults, ...options };
    const key = merged.key === undefined ? DEMO_KEYS.admin : merged.key;
    const workspace = merged.workspace === undefined ? 'ws_demo' : merged.workspace;
    const headers: Record<string, string> = { ...merged.headers };
    if (key) headers.Authorization = `Bearer ${key}`;
    if (workspace) headers['X-Workspace-ID'] = workspace;
    let body: string | undefined = merged.raw;
    if (body === undefined && merged.body !== undefined) {
      body = JSON.stringify(merged.body);
      headers['Content-Type'] ??= 'application/json';
    }
    const response = await fetch(`${url}${path}`, { method, headers, body });
    const text = await response.text();
    return {
      status: response.status,
      headers: response.headers,
      body: text ? JSON.parse(text) : undefined,
    };
  };
}

/** Starts one sandbox for the file's tests and closes it afterwards. */
export function useSandbox(options: SandboxOptions = {}) {
  const handle = {} as { sandbox: Sandbox; api: ReturnType<typeof clientFor> };
  beforeAll(async () => {
    handle.sandbox = await startSandbox({
      port: 0,
      memory: true,
      quiet: true,
      rateLimit: 10_000,
      ...options,
    });
    handle.api = clientFor(handle.sandbox.url);
  });
  afterAll(() => handle.sandbox?.close());
  return handle;
}

/** Asserts the one error envelope, and returns its `error` for further checks. */
export function expectError(reply: Reply, status: number, type: string, param?: string) {
  expect({ status: reply.status, type: reply.body?.error?.type }).toEqual({ status, type });
  const envelope = ErrorEnvelope.parse(reply.body);
  expect(envelope.error.request_id).toMatch(/^req_/);
  expect(envelope.error.message.length).toBeGreaterThan(0);
  expect(JSON.stringify(reply.body)).not.toMatch(/\bat .+:\d+:\d+|node:internal|\.ts:\d+/);
  if (param !== undefined) expect(envelope.error.param).toBe(param);
  return envelope.error;
}

let counter = 0;
/** A fresh address per call, so tests never collide with the seed or each other. */
export const uniqueEmail = (label = 'person') =>
  `${label}.${process.pid}.${Date.now()}.${++counter}@contract-test.example`;
