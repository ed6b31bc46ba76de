/**
 * The content script tells a connected panel what the page shows, at once and at each change,
 * only when it changed, only to our panel, and never an "unreadable" view in the moment just
 * after the address changed (a thread still loading). No panel, no reading at all.
 */
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { startPanelFeed, UNREADABLE_SETTLE_MS, type PanelPort } from '@/lib/content/panel-feed';
import { PANEL_PORT, type PanelPage, type ToPanel } from '@/lib/shared/panel-channel';

const RAHUL_PAGE: PanelPage = {
  participants: [{ email: 'rahul.sharma@acme-tech.example', name: 'Rahul Sharma', role: 'sender' }],
  subject: 'PO-4471',
  unreadable: null,
  signedIn: 'meenakshi.rao@bluestone.example',
};
const UNREADABLE: PanelPage = { ...RAHUL_PAGE, participants: [], unreadable: 'thread' };

function fakePort(name = PANEL_PORT, sender = { id: 'vivre', url: 'ext://vivre/sidepanel.html' }) {
  const told: ToPanel[] = [];
  const closers: Array<() => void> = [];
  const port: PanelPort & { told: ToPanel[]; close(): void; disconnected: boolean } = {
    name,
    sender,
    told,
    disconnected: false,
    postMessage: (message) => told.push(message),
    onDisconnect: { addListener: (callback) => closers.push(callback) },
    disconnect() {
      port.disconnected = true;
    },
    close: () => closers.forEach((close) => close()),
  };
  return port;
}

let connect: (port: PanelPort) => void;
let shown: PanelPage;
let href: string;
let reads: number;
let lifetime: AbortController;

function start() {
  lifetime = new AbortController();
  return startPanelFeed({
    read: () => (reads++, shown),
    href: () => href,
    onConnect: (listener) => ((connect = listener), () => (connect = () => {})),
    fromPanel: (sender) => sender?.id === 'vivre' && sender.url === 'ext://vivre/sidepanel.html',
    signal: lifetime.signal,
  });
}

beforeEach(() => {
  vi.useFakeTimers();
  shown = RAHUL_PAGE;
  href = 'https://mail.google.com/mail/u/0/#inbox/FMfcgzQbgRnTzTkLmWQbvhxZPTnRbXvC';
  reads = 0;
});
afterEach(() => {
  lifetime.abort();
  vi.useRealTimers();
});

describe('the panel feed in a Gmail tab', () => {
  it('reads nothing until a panel connects, then tells it the page at once', () => {
    const feed = start();
    feed.changed();
    expect(reads).toBe(0);
    const panel = fakePort();
    connect(panel);
    expect(panel.told).toEqual([{ type: 'page', page: RAHUL_PAGE }]);
  });

  it('tells the panel again only when the page shows something else', () => {
    const feed = start();
    const panel = fakePort();
    connect(panel);
    feed.changed();
    expect(panel.told).toHaveLength(1);
    shown = { ...RAHUL_PAGE, participants: [] };
    feed.changed();
    expect(panel.told.at(-1)).toEqual({ type: 'page', page: shown });
    expect(panel.told).toHaveLength(2);
  });

  it('ignores ports that are not our panel', () => {
    start();
    const stranger = fakePort(PANEL_PORT, {
      id: 'other-extension',
      url: 'ext://other/sidepanel.html',
    });
    const otherPage = fakePort(PANEL_PORT, { id: 'vivre', url: 'ext://vivre/options.html' });
    const otherName = fakePort('something-else');
    [stranger, otherPage, otherName].forEach((port) => connect(port));
    expect([stranger.told, otherPage.told, otherName.told]).toEqual([[], [], []]);
  });

  it('stops telling a panel that went, and disconnects the rest when the script ends', () => {
    const feed = start();
    const gone = fakePort();
    const staying = fakePort();
    connect(gone);
    connect(staying);
    gone.close();
    shown = { ...RAHUL_PAGE, subject: 'Another' };
    feed.changed();
    expect(gone.told).toHaveLength(1);
    expect(staying.told).toHaveLength(2);
    lifetime.abort();
    expect(staying.disconnected).toBe(true);
  });

  it('waits for a thread just navigated to before calling it unreadable', () => {
    const feed = start();
    const panel = fakePort();
    connect(panel);
    href = 'https://mail.google.com/mail/u/0/#inbox/FMfcgzQXJWDsKmDFhkPZbMtxbNQCwVnB';
    shown = UNREADABLE;
    feed.changed();
    expect(panel.told).toHaveLength(1);
    // Gmail drew the thread in time: the panel hears only of the readable one.
    shown = { ...RAHUL_PAGE, subject: 'Next thread' };
    feed.changed();
    expect(panel.told.at(-1)?.page.subject).toBe('Next thread');
    vi.advanceTimersByTime(UNREADABLE_SETTLE_MS);
    expect(panel.told).toHaveLength(2);
  });

  it('tells an unreadable view once it has stayed so past the settling time', () => {
    const feed = start();
    const panel = fakePort();
    connect(panel);
    href = 'https://mail.google.com/mail/u/0/#inbox/FMfcgzQXJWDsKmDFhkPZbMtxbNQCwVnB';
    shown = UNREADABLE;
    feed.changed();
    vi.advanceTimersByTime(UNREADABLE_SETTLE_MS);
    expect(panel.told.at(-1)).toEqual({ type: 'page', page: UNREADABLE });
  });
});
