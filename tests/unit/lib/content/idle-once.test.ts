import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { idleOnce } from '@/lib/content/idle-once';

let idle: Array<() => void>;
const requestIdle = vi.fn((callback: () => void, _options?: IdleRequestOptions) =>
  idle.push(callback),
);

beforeEach(() => {
  idle = [];
  requestIdle.mockClear();
  vi.stubGlobal('requestIdleCallback', requestIdle);
});
afterEach(() => vi.unstubAllGlobals());

describe('idleOnce', () => {
  it('runs once at idle however many times it was asked, then again when asked again', () => {
    const run = vi.fn();
    const schedule = idleOnce(run, { timeout: 40, signal: new AbortController().signal });
    schedule();
    schedule();
    schedule();
    expect(run).not.toHaveBeenCalled();
    expect(requestIdle).toHaveBeenCalledTimes(1);
    expect(requestIdle.mock.calls[0]![1]).toEqual({ timeout: 40 });
    idle.splice(0).forEach((callback) => callback());
    expect(run).toHaveBeenCalledTimes(1);
    schedule();
    idle.splice(0).forEach((callback) => callback());
    expect(run).toHaveBeenCalledTimes(2);
  });

  it('does nothing once its signal aborted, even when already asked', () => {
    const run = vi.fn();
    const life = new AbortController();
    const schedule = idleOnce(run, { timeout: 40, signal: life.signal });
    schedule();
    life.abort();
    idle.splice(0).forEach((callback) => callback());
    schedule();
    expect(run).not.toHaveBeenCalled();
    expect(requestIdle).toHaveBeenCalledTimes(1);
  });
});
