// @vitest-environment happy-dom
import { afterEach, describe, expect, it, vi } from 'vitest';
import { emailLoggingOnDemand } from '@/lib/content/email-logging/on-demand';
import { takeBridge } from '@/lib/content/email-logging/bridge';
import type { LookupStore } from '@/lib/content/lookups/lookup-store';
import type { Ask } from '@/lib/shared/messaging/messenger';
import { showFixture } from '../gmail/load-fixture';
import { everyElementNear } from '@/lib/content/near-viewport';

// The chips' watcher, handed over as is: one observer for a message both wait for.
const watchNear = everyElementNear;

function start(answer: { ok: boolean } = { ok: true }) {
  const life = new AbortController();
  const ask = vi.fn(async () => (answer.ok ? { ok: true, value: null } : answer)) as unknown as Ask;
  const loader = emailLoggingOnDemand({
    document,
    signal: life.signal,
    ask,
    store: {} as LookupStore,
    watchNear,
  });
  return { loader, ask: ask as unknown as ReturnType<typeof vi.fn>, life };
}

const flush = () => new Promise((resolve) => setTimeout(resolve, 0));

describe('email logging, loaded when a view needs it', () => {
  afterEach(() => {
    takeBridge();
    document.body.replaceChildren();
  });

  it('asks for nothing while the page shows no compose and no message', () => {
    document.body.append(document.createElement('main'));
    const { loader, ask } = start();
    loader.scan();
    loader.navigated();
    expect(ask).not.toHaveBeenCalled();
  });

  it('asks once for a compose, then hands scans to the logging the script attached', () => {
    showFixture('compose-send.html', 'own');
    const { loader, ask, life } = start();
    loader.scan();
    loader.scan();
    expect(ask).toHaveBeenCalledExactlyOnceWith('loadEmailLogging');
    const bridge = takeBridge()!;
    expect(bridge.options.signal).toBe(life.signal);
    expect(bridge.options.watchNear).toBe(watchNear);
    const logging = { scan: vi.fn(), navigated: vi.fn() };
    bridge.attach(logging);
    loader.scan();
    loader.navigated();
    expect(logging.scan).toHaveBeenCalledOnce();
    expect(logging.navigated).toHaveBeenCalledOnce();
    expect(takeBridge()).toBeUndefined();
  });

  it('looks for a compose only after a burst that can have shown one, not rows or removals', () => {
    document.body.append(document.createElement('main'));
    const { loader, ask } = start();
    loader.scan();
    showFixture('compose-send.html', 'own');
    const row = document.createElement('tr');
    loader.changed({ roots: new Set(), rows: new Set([row]), removed: true, notice: false });
    loader.scan();
    expect(ask).not.toHaveBeenCalled();
    const compose = document.body.firstElementChild!;
    loader.changed({ roots: new Set([compose]), rows: new Set(), removed: false, notice: false });
    loader.scan();
    expect(ask).toHaveBeenCalledExactlyOnceWith('loadEmailLogging');
  });

  it('after a refused injection tries again on navigation, not on every scan', async () => {
    showFixture('compose-send.html', 'own');
    const { loader, ask } = start({ ok: false });
    loader.scan();
    await flush();
    loader.scan();
    expect(ask).toHaveBeenCalledOnce();
    loader.navigated();
    expect(ask).toHaveBeenCalledTimes(2);
  });

  it('starts nothing once the content script has ended', () => {
    showFixture('compose-send.html', 'own');
    const { loader, ask, life } = start();
    life.abort();
    loader.scan();
    expect(ask).not.toHaveBeenCalled();
  });
});
