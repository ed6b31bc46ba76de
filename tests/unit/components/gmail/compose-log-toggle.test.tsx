// @vitest-environment happy-dom
import { cleanup, fireEvent, render, screen } from '@testing-library/preact';
import { afterEach, describe, expect, it, vi } from 'vitest';
import { ComposeLogToggle } from '@/components/gmail/ComposeLogToggle';
import { EMAIL_TEXT_NOT_ALLOWED } from '@/lib/shared/data-consent';
import type { Audience } from '@/lib/shared/email-audience';

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
    expect(screen.getByRole('status').textContent).toBe('Logs for Rahul Sharma.');
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
    expect(screen.getByRole('status').textContent).toBe(EMAIL_TEXT_NOT_ALLOWED);
  });

  it('says nothing while it is off, and turns on when clicked', () => {
    const onToggle = vi.fn();
    render(<ComposeLogToggle on={false} audience={AUDIENCE} onToggle={onToggle} />);
    expect(screen.getByRole('status').textContent).toBe('');
    fireEvent.click(screen.getByRole('checkbox', { name: 'Log to Vivre' }));
    expect(onToggle).toHaveBeenCalledWith(true);
  });
});
