import { describe, expect, it, vi } from 'vitest';
import { listenUntil } from '@/lib/shared/listen-until';

function fakeEvent() {
  const listeners = new Set<() => void>();
  return {
    listeners,
    addListener: vi.fn((listener: () => void) => listeners.add(listener)),
    removeListener: vi.fn((listener: () => void) => listeners.delete(listener)),
  };
}

describe('listenUntil', () => {
  it('listens until the signal aborts, then removes exactly that listener', () => {
    const event = fakeEvent();
    const controller = new AbortController();
    const listener = () => {};
    const other = () => {};
    listenUntil(controller.signal, event, listener);
    event.addListener(other);
    expect([...event.listeners]).toEqual([listener, other]);

    controller.abort();
    expect([...event.listeners]).toEqual([other]);
    controller.abort();
    expect(event.removeListener).toHaveBeenCalledTimes(1);
  });

  it('adds nothing when the signal has already aborted', () => {
    const event = fakeEvent();
    listenUntil(AbortSignal.abort(), event, () => {});
    expect(event.addListener).not.toHaveBeenCalled();
    expect(event.listeners.size).toBe(0);
  });
});
