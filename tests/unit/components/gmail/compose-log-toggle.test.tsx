// @vitest-environment happy-dom
import { cleanup, fireEvent, render, screen } from '@testing-library/preact';
import { afterEach, describe, expect, it, vi } from 'vitest';
import { ComposeLogToggle } from '@/components/gmail/ComposeLogToggle';
import { EMAIL_TEXT_NOT_ALLOWED } from '@/lib/shared/data-consent';
import type { Audience } from '@/lib/shared/email-audience';
import { drawnWords } from '../../drawn-words';

afterEach(cleanup);

const AUDIENCE: Audience = {
  log: [{ email: 'rahul.sharma@acme-tech.example', name: 'Rahul Sharma', contactId: 'cnt_8821' }],
  add: [],
  skipped: [],
  allInternal: false,
  pending: false,
};

describe('the Log to Vivre toggle', () => {
  it('says before the send exactly whom the email will be logged for', () => {
    render(<ComposeLogToggle on audience={AUDIENCE} onToggle={() => {}} />);
    expect(drawnWords(screen.getByRole('status'))).toBe('Logs for Rahul Sharma.');
    // Drawn, not text: window.find() matches text even in a closed root.
    expect(screen.getByRole('status').textContent).toBe('');
  });

  it('says nothing can be logged while Firefox has not allowed email text', () => {
    render(
      <ComposeLogToggle
        on
        audience={AUDIENCE}
        blocked={EMAIL_TEXT_NOT_ALLOWED}
        onToggle={() => {}}
      />,
    );
    expect(drawnWords(screen.getByRole('status'))).toBe(EMAIL_TEXT_NOT_ALLOWED);
  });

  it('says nothing while it is off, and turns on when clicked', () => {
    const onToggle = vi.fn();
    render(<ComposeLogToggle on={false} audience={AUDIENCE} onToggle={onToggle} />);
    expect(drawnWords(screen.getByRole('status'))).toBe('');
    fireEvent.click(screen.getByRole('checkbox', { name: 'Log to Vivre' }));
    expect(onToggle).toHaveBeenCalledWith(true);
  });
});
