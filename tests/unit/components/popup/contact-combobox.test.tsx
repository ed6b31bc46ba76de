// @vitest-environment happy-dom
import { cleanup, fireEvent, screen, waitFor, within } from '@testing-library/preact';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { pickContact } from '@/components/popup/services-type';
import { recentContactsItem } from '@/lib/shared/storage/items';
import { PRIYA, RAHUL, SNEHA } from '../../../factories';
import { calls, makeServices, renderPopup, resetBrowser, scriptWorker } from './harness';

beforeEach(resetBrowser);
afterEach(cleanup);

const suggestions = () =>
  within(screen.getByRole('listbox', { hidden: true })).queryAllByRole('option');

describe('contact search', () => {
  it('searches as the rep types, recent contacts first, and picks with the keyboard', async () => {
    await recentContactsItem.setValue([pickContact(SNEHA)]);
    const ask = scriptWorker({ searchContacts: () => ({ ok: true, value: [RAHUL, SNEHA] }) });
    await renderPopup(makeServices(ask));
    const box = screen.getByRole('combobox', { name: 'Contact' });
    fireEvent.focus(box);
    fireEvent.input(box, { target: { value: 'acme' } });
    await waitFor(() => expect(suggestions()).toHaveLength(2));
    expect(calls(ask, 'searchContacts')).toEqual([{ query: 'acme' }]);
    expect(suggestions().map((o) => o.textContent)).toEqual([
      'Sneha Kulkarni sneha.kulkarni@acme-tech.example · Acme Technologies',
      'Rahul Sharma rahul.sharma@acme-tech.example · Acme Technologies',
    ]);
    fireEvent.keyDown(box, { key: 'ArrowDown' });
    fireEvent.keyDown(box, { key: 'ArrowDown' });
    expect(box.getAttribute('aria-activedescendant')).toBe('contact-option-1');
    fireEvent.keyDown(box, { key: 'ArrowUp' });
    fireEvent.keyDown(box, { key: 'ArrowDown' });
    fireEvent.keyDown(box, { key: 'Enter' });
    expect((box as HTMLInputElement).value).toBe('Rahul Sharma');
    expect(box.getAttribute('aria-expanded')).toBe('false');
  });

  it('shows recent contacts before anything is typed and remembers who was logged', async () => {
    await recentContactsItem.setValue([pickContact(SNEHA)]);
    const ask = scriptWorker();
    await renderPopup(makeServices(ask));
    const box = screen.getByRole('combobox', { name: 'Contact' });
    fireEvent.focus(box);
    fireEvent.click(screen.getByRole('option', { name: /Sneha Kulkarni/ }));
    fireEvent.input(screen.getByRole('textbox', { name: 'Note' }), {
      target: { value: 'Quick call' },
    });
    fireEvent.click(screen.getByRole('button', { name: 'Log activity' }));
    await screen.findByText('Synced');
    expect(calls(ask, 'searchContacts')).toEqual([]);
    expect((await recentContactsItem.getValue()).map((c) => c.id)).toEqual([SNEHA.id]);
  });

  it('keeps only the latest answer when searches overlap', async () => {
    const ask = scriptWorker({
      searchContacts: ({ query }) => ({ ok: true, value: query === 'pri' ? [PRIYA] : [RAHUL] }),
    });
    await renderPopup(makeServices(ask));
    const box = screen.getByRole('combobox', { name: 'Contact' });
    fireEvent.focus(box);
    fireEvent.input(box, { target: { value: 'ra' } });
    fireEvent.input(box, { target: { value: 'pri' } });
    await screen.findByRole('option', { name: /Priya Kapoor/ });
    expect(screen.queryByRole('option', { name: /Rahul/ })).toBeNull();
    expect(calls(ask, 'searchContacts')).toEqual([{ query: 'pri' }]);
  });

  it('says when no one matches', async () => {
    await renderPopup(makeServices(scriptWorker()));
    const box = screen.getByRole('combobox', { name: 'Contact' });
    fireEvent.focus(box);
    fireEvent.input(box, { target: { value: 'zzz' } });
    await screen.findByText('No one in Vivre matches “zzz”.');
  });
});
