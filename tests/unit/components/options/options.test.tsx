// @vitest-environment happy-dom
import { cleanup, fireEvent, render, screen, waitFor } from '@testing-library/preact';
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { fakeBrowser } from 'wxt/testing';
import { Options } from '@/components/options/Options';
import { optionsServices } from '@/lib/pages/options/services';
import { ask } from '@/lib/shared/messaging/messenger';
import type { ProtocolMap } from '@/lib/shared/messaging/messages';
import type { RepError } from '@/lib/shared/messaging/protocol';
import { settingsView } from '../../../factories';

vi.mock('@/lib/shared/messaging/messenger', () => ({ ask: vi.fn() }));

const KEY = 'vv_test_demo_write_0000000000000000';
const saved = settingsView({
  maskedKey: 'vv_test_…0000',
  neverLookup: ['mycompany.example'],
});
const CONNECTED = {
  ok: true as const,
  workspaceId: 'ws_demo',
  workspaceName: 'Demo Co',
  permissions: ['read' as const, 'write' as const],
};

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
const status = (section: string) => document.getElementById(`${section}-status`)!;

async function renderOptions() {
  render(<Options services={optionsServices} />);
  return screen.findByLabelText('API key');
}

function type(label: string, value: string) {
  fireEvent.input(screen.getByLabelText(label), { target: { value } });
}
const testAndSave = () => fireEvent.click(screen.getByRole('button', { name: 'Test and save' }));

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
    testAndSave();
    const field = screen.getByLabelText(label);
    expect(field.getAttribute('aria-invalid')).toBe('true');
    const describedBy = field.getAttribute('aria-describedby')!.split(' ');
    const messages = describedBy.map((id) => document.getElementById(id)?.textContent).join(' ');
    expect(messages).toMatch(message);
    expect((field as HTMLInputElement).value).toBe(value);
    expect(vi.mocked(ask).mock.calls.map(([t]) => t)).toEqual(['getSettings']);
    expect(fakeBrowser.permissions.request).not.toHaveBeenCalled();
  });

  it('tests a new key after asking for the host, saves it, then shows it masked', async () => {
    answer({
      getSettings: ok({ ...saved, maskedKey: null }),
      testConnection: ok(CONNECTED),
      saveSettings: ok(saved),
    });
    await renderOptions();
    type('API key', KEY);
    testAndSave();
    await waitFor(() =>
      expect(status('connection').textContent).toBe('Connected to Demo Co (ws_demo) and saved.'),
    );
    expect(fakeBrowser.permissions.request).toHaveBeenCalledWith({
      origins: ['http://127.0.0.1/*'],
    });
    const input = { apiKey: KEY, workspaceId: 'ws_demo', baseUrl: saved.baseUrl };
    expect(calls('testConnection')[0]?.[1]).toEqual(input);
    expect(calls('saveSettings')[0]?.[1]).toEqual(input);
    expect((screen.getByLabelText('API key') as HTMLInputElement).value).toBe('');
    expect(screen.getByText('vv_test_…0000')).toBeTruthy();
  });

  it('keeps the saved key when the key field is left empty', async () => {
    answer({ testConnection: ok(CONNECTED), saveSettings: ok(saved) });
    await renderOptions();
    testAndSave();
    await waitFor(() => expect(calls('saveSettings')).toHaveLength(1));
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
    testAndSave();
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
    testAndSave();
    await screen.findByText(
      'Your browser didn’t allow access to crm.example.com, so nothing was saved — try again and choose “Allow”.',
    );
    expect(calls('saveSettings')).toEqual([]);
  });

  it('saves a read-only key, and says in one sentence what it can and cannot do', async () => {
    answer({
      testConnection: ok({ ...CONNECTED, permissions: ['read'] }),
      saveSettings: ok(saved),
    });
    await renderOptions();
    testAndSave();
    await waitFor(() =>
      expect(status('connection').textContent).toBe(
        'Connected to Demo Co (ws_demo) and saved, but the key is read-only, so you’ll see scores and cards but can’t log — ask your Vivre admin for a key with write access.',
      ),
    );
  });

  it.each([
    [
      'unauthorized',
      'Vivre didn’t accept this API key — copy it again from Vivre → Settings → API keys.',
    ],
    [
      'forbidden',
      'This API key can’t open workspace ws_demo — check the workspace ID, or use a key made in that workspace.',
    ],
    [
      'offline',
      'Couldn’t reach 127.0.0.1:8787 — check the API base URL and your internet connection.',
    ],
    [
      'not_found',
      'There’s no Vivre API at http://127.0.0.1:8787/v1 — the address usually ends in /v1, like https://api.vivre.app/v1.',
    ],
    [
      'unknown',
      '127.0.0.1:8787 didn’t answer like the Vivre API — check that the API base URL is the API’s (ending in /v1), not the web app’s.',
    ],
  ] as const)('says a %s problem in one sentence and saves nothing', async (kind, sentence) => {
    const error: RepError = {
      kind,
      message: 'Open Vivre settings: what the worker says elsewhere.',
    };
    answer({ testConnection: ok({ ok: false, error }) });
    await renderOptions();
    testAndSave();
    await waitFor(() => expect(status('connection').textContent).toBe(sentence));
    expect(calls('saveSettings')).toEqual([]);
    const saveAnyway = screen.queryByRole('button', { name: 'Save without testing' });
    expect(Boolean(saveAnyway)).toBe(kind === 'offline');
  });

  it('saves without a test only when the rep asks, after Vivre could not be reached', async () => {
    answer({
      testConnection: ok({ ok: false, error: { kind: 'offline', message: 'x' } }),
      saveSettings: ok(saved),
    });
    await renderOptions();
    testAndSave();
    fireEvent.click(await screen.findByRole('button', { name: 'Save without testing' }));
    await waitFor(() => expect(status('connection').textContent).toBe('Saved without a test.'));
    expect(calls('testConnection')).toHaveLength(1);
  });
});

describe('options: saved as you go', () => {
  it('saves the lookup switch at once and the never-look-up list when the rep leaves it', async () => {
    const cleaned = ['mycompany.example', 'boss@x.example'];
    answer({ savePrivacy: ok({ ...saved, autoLookup: false, neverLookup: cleaned }) });
    await renderOptions();
    fireEvent.click(screen.getByRole('switch', { name: /automatically/ }));
    await waitFor(() =>
      expect(calls('savePrivacy')[0]?.[1]).toEqual({
        autoLookup: false,
        neverLookup: ['mycompany.example'],
      }),
    );
    type('Never look up', 'mycompany.example\nBoss@X.example');
    fireEvent.blur(screen.getByLabelText('Never look up'));
    await waitFor(() =>
      expect(calls('savePrivacy')[1]?.[1]).toEqual({ autoLookup: false, neverLookup: cleaned }),
    );
    await waitFor(() => expect(status('privacy').textContent).toBe('Saved.'));
  });

  it('refuses a bad line beside the list and keeps it unsaved', async () => {
    answer();
    await renderOptions();
    type('Never look up', 'mycompany.example\nnot valid');
    fireEvent.blur(screen.getByLabelText('Never look up'));
    expect(screen.getByLabelText('Never look up').getAttribute('aria-invalid')).toBe('true');
    expect(screen.getByText(/Line 2/)).toBeTruthy();
    expect(status('privacy').textContent).toBe('Fix the list above; it isn’t saved yet.');
    expect(calls('savePrivacy')).toEqual([]);
  });

  it('clears cached contacts', async () => {
    answer({ clearContactCache: ok(null) });
    await renderOptions();
    fireEvent.click(screen.getByRole('button', { name: 'Clear cached contacts' }));
    await screen.findByText(/Cached contacts cleared/);
    expect(calls('clearContactCache')).toHaveLength(1);
  });

  it('keeps where “Open in Vivre” goes, or the address beside the API when left empty', async () => {
    answer({ saveAppUrl: ok(null) });
    await renderOptions();
    const field = screen.getByLabelText('Vivre web app address');
    expect(screen.getByText('Leave empty to use http://127.0.0.1:8787.')).toBeTruthy();
    type('Vivre web app address', 'ftp://crm.example.com');
    fireEvent.blur(field);
    expect(field.getAttribute('aria-invalid')).toBe('true');
    type('Vivre web app address', 'https://crm.example.com/app/');
    fireEvent.blur(field);
    await waitFor(() =>
      expect(calls('saveAppUrl').at(-1)?.[1]).toEqual({ appUrl: 'https://crm.example.com/app' }),
    );
    type('Vivre web app address', '');
    fireEvent.blur(field);
    await waitFor(() => expect(calls('saveAppUrl').at(-1)?.[1]).toEqual({ appUrl: null }));
    await waitFor(() =>
      expect(status('app-link').textContent).toBe('Saved: links go to http://127.0.0.1:8787.'),
    );
  });
});
