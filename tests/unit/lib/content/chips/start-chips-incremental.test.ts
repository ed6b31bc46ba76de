// @vitest-environment happy-dom
import { beforeEach, describe, expect, it, vi } from 'vitest';
import type { GmailDetection } from '@/lib/content/chips/start-chips';
import { useTestIdle, useThreadPage } from '../gmail/live-page';
import { gmail } from './gmail-detection';
import { hosts, startTestChips } from './test-chips';

// Idle time is the test's to give: a burst is read when `idleNow()` runs.
const idleNow = useTestIdle();
const { signal, messages } = useThreadPage();

let findAnchors: ReturnType<typeof vi.fn>;
let onScan: ReturnType<typeof vi.fn>;
let chips: ReturnType<typeof startTestChips>;

beforeEach(async () => {
  findAnchors = vi.fn(gmail.findParticipantAnchors);
  onScan = vi.fn();
  const detect: GmailDetection = { ...gmail, findParticipantAnchors: findAnchors };
  chips = startTestChips(signal(), { detect, onScan });
  await idleNow(); // the chips' own insertion is no burst, but let any settle
  findAnchors.mockClear();
  onScan.mockClear();
});

describe('the chips reads only what a burst touched', () => {
  it('rescans just the message whose header changed, and follows the change', async () => {
    const second = messages()[1]!;
    const sender = second.querySelector('.gD[email]')!;
    const before = hosts().length;
    sender.setAttribute('email', 'new.sender@x.example');
    await idleNow();

    expect(findAnchors.mock.calls.map(([root]) => root)).toEqual([second]);
    expect(sender.nextElementSibling?.getAttribute('data-vivre-email')).toBe(
      'new.sender@x.example',
    );
    expect(hosts()).toHaveLength(before);
    expect(onScan).toHaveBeenCalledTimes(1);
  });

  it('does no detection work (and no onScan) for churn that shows no people', async () => {
    const body = document.querySelector('.a3s')!;
    body.append(document.createElement('div'));
    messages()[0]!.classList.toggle('hover');
    const row = document.createElement('div');
    row.textContent = 'An inbox row';
    document.body.append(row);
    row.remove();
    await idleNow();

    expect(findAnchors).not.toHaveBeenCalled();
    expect(onScan).not.toHaveBeenCalled();
  });

  it('removes the hosts of a message Gmail removed, and keeps the others', async () => {
    const [first, ...rest] = messages();
    const kept = hosts().filter((host) => !first!.contains(host));
    expect(kept.length).toBeGreaterThan(0);
    expect(kept.length).toBeLessThan(hosts().length);
    first!.remove();
    await idleNow();

    expect(hosts()).toEqual(kept);
    expect(rest.every((message) => message.isConnected)).toBe(true);
    expect(findAnchors).not.toHaveBeenCalledWith(document, expect.anything());
  });

  it('reads the whole page again after navigation', () => {
    chips.navigated();
    expect(findAnchors.mock.calls.map(([root]) => root)).toEqual([document]);
    expect(onScan).toHaveBeenCalledWith();
  });
});
