// @vitest-environment happy-dom
import { cleanup, fireEvent, render, screen, waitFor } from '@testing-library/preact';
import { Popup } from '@/components/popup/Popup';
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import type { Status } from '@/lib/shared/messaging/protocol';
import { calls, makeServices, okStatus, renderPopup, resetBrowser, scriptWorker } from './harness';

beforeEach(resetBrowser);
afterEach(cleanup);

const withStatus = (status: Partial<Status>) =>
  scriptWorker({ getStatus: () => ({ ok: true, value: { ...okStatus, ...status } }) });

describe('popup states', () => {
  it('asks to connect a workspace when not configured, says where the key is, and opens the options page', async () => {
    const services = makeServices(withStatus({ configured: false, connection: 'not_configured' }));
    await renderPopup(services);
    const prompt = screen.getByRole('heading', { name: 'Connect your Vivre workspace' });
    expect(prompt.closest('main')?.textContent).toMatch(/in Vivre, open Settings → API keys/);
    expect(screen.queryByRole('button', { name: 'Log activity' })).toBeNull();
    fireEvent.click(screen.getByRole('button', { name: 'Open Options' }));
    expect(services.openOptions).toHaveBeenCalledOnce();
  });

  it('says what happens to logs while offline, and still lets the rep log', async () => {
    await renderPopup(makeServices(withStatus({ connection: 'offline' })));
    expect(screen.getByRole('alert').textContent).toMatch(
      /offline — what you log is saved here and syncs/,
    );
    expect(
      (screen.getByRole('button', { name: 'Log activity' }) as HTMLButtonElement).disabled,
    ).toBe(false);
  });

  it('turns logging off for a read-only key and says why', async () => {
    const ask = withStatus({ permissions: ['read'] });
    await renderPopup(makeServices(ask));
    expect(screen.getByRole('alert').textContent).toMatch(/read-only, so logging is off/);
    expect(
      (screen.getByRole('button', { name: 'Log activity' }) as HTMLButtonElement).disabled,
    ).toBe(true);
    fireEvent.input(screen.getByRole('textbox', { name: 'Note' }), { target: { value: 'x' } });
    fireEvent.keyDown(screen.getByRole('textbox', { name: 'Note' }), {
      key: 'Enter',
      metaKey: true,
    });
    expect(calls(ask, 'enqueueWrite')).toEqual([]);
  });

  it('tells the rep a refused key keeps their logs until they reconnect', async () => {
    const services = makeServices(withStatus({ connection: 'unauthorized' }));
    await renderPopup(services);
    expect(screen.getByRole('alert').textContent).toMatch(
      /no longer accepts your API key — what you log is kept/,
    );
    fireEvent.click(screen.getByRole('button', { name: 'Open Options' }));
    expect(services.openOptions).toHaveBeenCalledOnce();
  });

  it('lets the rep type before the worker answers, but not send yet', async () => {
    const ask = scriptWorker({ getStatus: () => new Promise(() => {}) as never });
    render(<Popup services={makeServices(ask)} />);
    const note = await screen.findByRole('textbox', { name: 'Note' });
    fireEvent.input(note, { target: { value: 'Typed while the worker wakes up' } });
    expect((note as HTMLTextAreaElement).value).toBe('Typed while the worker wakes up');
    expect(
      (screen.getByRole('button', { name: 'Log activity' }) as HTMLButtonElement).disabled,
    ).toBe(true);
    fireEvent.keyDown(note, { key: 'Enter', ctrlKey: true });
    expect(calls(ask, 'enqueueWrite')).toEqual([]);
  });

  it('marks itself interactive for the open-to-interactive benchmark', async () => {
    performance.clearMarks('vivre-popup-interactive');
    await renderPopup(makeServices(scriptWorker()));
    await waitFor(() =>
      expect(performance.getEntriesByName('vivre-popup-interactive')).toHaveLength(1),
    );
  });
});

describe('popup opening', () => {
  it('renders the form in its first render when the read at open is already back', async () => {
    const services = makeServices(scriptWorker());
    const local = await services.loadLocal();
    const loadLocal = vi.fn(services.loadLocal);
    render(<Popup services={{ ...services, loadLocal, localIfRead: () => local }} />);
    // No await: the form is there synchronously, and nothing was read a second time.
    expect(screen.getByRole('combobox', { name: 'Contact' })).toBeTruthy();
    expect(loadLocal).not.toHaveBeenCalled();
  });
});
