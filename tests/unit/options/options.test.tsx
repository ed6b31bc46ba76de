// @vitest-environment happy-dom
import { cleanup, fireEvent, render, screen, waitFor } from '@testing-library/preact';
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { fakeBrowser } from 'wxt/testing';
import { Options } from '../../../src/pages/options/Options';
import { optionsServices } from '../../../src/pages/options/services';
import { ask } from '../../../src/shared/messaging/messenger';
import type { ProtocolMap } from '../../../src/shared/messaging/messages';
import { settingsView } from '../../factories';

vi.mock('../../../src/shared/messaging/messenger', () => ({ ask: vi.fn() }));

const KEY = 'vv_test_demo_write_0000000000000000';
const saved = settingsView({
  maskedKey: 'vv_test_…0000',
  neverLookup: ['mycompany.example'],
});

type Replies = Partial<{ [K in keyof ProtocolMap]: ReturnType<ProtocolMap[K]> }>;
const ok = <T,>(value: T) => ({ ok: true as const, value });
/** The worker's answers: the saved settings, and whatever else the test gives. */
function answer(replies: Replies = {}) {
  const all: Replies = { getSettings: ok(saved), ...replies };
  vi.mocked(ask).mockImplementation((async (type: keyof ProtocolMap) => {
    const reply = all[type];
    if (!reply) throw new Error(`unexpected ask(${type})`);
    return reply;
  }) as typeof ask);
}
const calls = (type: keyof ProtocolMap) => vi.mocked(ask).mock.calls.filter(([t]) => t === type);

async function renderOptions() {
  render(<Options services={optionsServices} />);
  return screen.findByLabelText('API key');
}

function type(label: string, value: string) {
  fireEvent.input(screen.getByLabelText(label), { target: { value } });
}

beforeEach(() => {
  fakeBrowser.reset();
  vi.mocked(ask).mockReset();
  fakeBrowser.permissions.request = vi.fn(async () => true);
});
afterEach(cleanup);

describe('options: connection', () => {
  it('shows the saved key masked and never fills the key field', async () => {
    answer();
    const keyField = await renderOptions();
    expect((keyField as HTMLInputElement).value).toBe('');
    expect(screen.getByText('vv_test_…0000')).toBeTruthy();
    expect((screen.getByLabelText('Workspace ID') as HTMLInputElement).value).toBe('ws_demo');
    expect((screen.getByLabelText('API base URL') as HTMLInputElement).value).toBe(saved.baseUrl);
  });

  it.each([
    ['API key', 'vv_demo_short', /vv_live_ or vv_test_/],
    ['Workspace ID', 'demo', /starts with ws_/],
    ['API base URL', 'http://crm.example.com/v1', /https/],
  ])('refuses a bad %s beside the field and sends nothing', async (label, value, message) => {
    answer();
    await renderOptions();
    type(label, value);
    for (const button of ['Save', 'Test connection']) {
      fireEvent.click(screen.getByRole('button', { name: button }));
      const field = screen.getByLabelText(label);
      expect(field.getAttribute('aria-invalid')).toBe('true');
      const describedBy = field.getAttribute('aria-describedby')!.split(' ');
      const messages = describedBy.map((id) => document.getElementById(id)?.textContent).join(' ');
      expect(messages).toMatch(message);
      expect((field as HTMLInputElement).value).toBe(value);
    }
    expect(vi.mocked(ask).mock.calls.map(([t]) => t)).toEqual(['getSettings']);
    expect(fakeBrowser.permissions.request).not.toHaveBeenCalled();
  });

  it('saves a new key after asking for the host, then shows it masked', async () => {
    answer({
      getSettings: ok({ ...saved, maskedKey: null }),
      saveSettings: ok(saved),
    });
    await renderOptions();
    type('API key', KEY);
    fireEvent.click(screen.getByRole('button', { name: 'Save' }));
    await screen.findByText('Saved.');
    expect(fakeBrowser.permissions.request).toHaveBeenCalledWith({
      origins: ['http://127.0.0.1/*'],
    });
    expect(calls('saveSettings')[0]?.[1]).toEqual({
      apiKey: KEY,
      workspaceId: 'ws_demo',
      baseUrl: saved.baseUrl,
    });
    expect((screen.getByLabelText('API key') as HTMLInputElement).value).toBe('');
    expect(screen.getByText('vv_test_…0000')).toBeTruthy();
  });

  it('keeps the saved key when the key field is left empty', async () => {
    answer({ saveSettings: ok(saved) });
    await renderOptions();
    fireEvent.click(screen.getByRole('button', { name: 'Save' }));
    await screen.findByText('Saved.');
    expect(calls('saveSettings')[0]?.[1]).toEqual({
      workspaceId: 'ws_demo',
      baseUrl: saved.baseUrl,
    });
  });

  it('asks for the key again before the saved one could go to another server', async () => {
    answer();
    await renderOptions();
    expect(screen.getByText(/a new server address needs the key again/)).toBeTruthy();
    type('API base URL', 'https://crm.example.com/v1');
    fireEvent.click(screen.getByRole('button', { name: 'Save' }));
    const field = screen.getByLabelText('API key');
    expect(field.getAttribute('aria-invalid')).toBe('true');
    const describedBy = field.getAttribute('aria-describedby')!.split(' ');
    expect(describedBy.map((id) => document.getElementById(id)?.textContent).join(' ')).toMatch(
      /paste your API key again/,
    );
    expect(calls('saveSettings')).toEqual([]);
    expect(fakeBrowser.permissions.request).not.toHaveBeenCalled();
  });

  it('explains a refused host permission and saves nothing', async () => {
    answer();
    fakeBrowser.permissions.request = vi.fn(async () => false);
    await renderOptions();
    type('API key', KEY);
    type('API base URL', 'https://crm.example.com/v1');
    fireEvent.click(screen.getByRole('button', { name: 'Save' }));
    await screen.findByText(/didn’t allow access to crm.example.com/);
    expect(calls('saveSettings')).toEqual([]);
    expect((screen.getByLabelText('API base URL') as HTMLInputElement).value).toBe(
      'https://crm.example.com/v1',
    );
  });

  it('reports the workspace reached by a test', async () => {
    answer({
      testConnection: ok({
        ok: true,
        workspaceId: 'ws_demo',
        workspaceName: 'Demo Co',
        permissions: ['read'],
      }),
    });
    await renderOptions();
    fireEvent.click(screen.getByRole('button', { name: 'Test connection' }));
    await screen.findByText(/Connected to Demo Co \(ws_demo\)\. This key is read-only/);
  });

  it.each([
    ['unauthorized', /refused \(401\)/],
    ['forbidden', /can’t open that workspace \(403\)/],
    ['offline', /Couldn’t reach the server/],
  ] as const)('names a %s problem found by the test', async (kind, message) => {
    answer({
      testConnection: ok({ ok: false, error: { kind, message: 'Details from the worker.' } }),
    });
    await renderOptions();
    fireEvent.click(screen.getByRole('button', { name: 'Test connection' }));
    expect((await screen.findByText(message)).textContent).toMatch(/Details from the worker/);
  });
});

describe('options: privacy', () => {
  it('lists the own domain and saves a cleaned list', async () => {
    answer({
      savePrivacy: ok({
        ...saved,
        autoLookup: false,
        neverLookup: ['mycompany.example', 'boss@x.example'],
      }),
    });
    await renderOptions();
    expect((screen.getByLabelText('Never look up') as HTMLTextAreaElement).value).toBe(
      'mycompany.example',
    );
    fireEvent.click(screen.getByLabelText(/automatically/));
    type('Never look up', 'mycompany.example\nBoss@X.example');
    fireEvent.click(screen.getByRole('button', { name: 'Save privacy settings' }));
    await screen.findByText('Privacy settings saved.');
    expect(calls('savePrivacy')[0]?.[1]).toEqual({
      autoLookup: false,
      neverLookup: ['mycompany.example', 'boss@x.example'],
    });
  });

  it('refuses a bad line without saving', async () => {
    answer();
    await renderOptions();
    type('Never look up', 'mycompany.example\nnot valid');
    fireEvent.click(screen.getByRole('button', { name: 'Save privacy settings' }));
    expect(screen.getByLabelText('Never look up').getAttribute('aria-invalid')).toBe('true');
    expect(screen.getByText(/Line 2/)).toBeTruthy();
    expect(calls('savePrivacy')).toEqual([]);
  });

  it('clears cached contacts', async () => {
    answer({ clearContactCache: ok(null) });
    await renderOptions();
    fireEvent.click(screen.getByRole('button', { name: 'Clear cached contacts' }));
    await screen.findByText(/Cached contacts cleared/);
    await waitFor(() => expect(calls('clearContactCache')).toHaveLength(1));
  });
});
