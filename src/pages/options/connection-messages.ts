import type { RepError, TestConnectionResult } from '../../shared/messaging/protocol';

const LEADS: Partial<Record<RepError['kind'], string>> = {
  unauthorized: 'The API key was refused (401).',
  forbidden: 'This key can’t open that workspace (403).',
  offline: 'Couldn’t reach the server.',
  not_found: 'No Vivre API at that address (404).',
};

/** One line saying what went wrong, led by which problem it is when we know. */
export function describeError(error: RepError): string {
  const lead = LEADS[error.kind];
  return lead && !error.message.startsWith(lead) ? `${lead} ${error.message}` : error.message;
}

export function describeTestResult(result: TestConnectionResult): string {
  if (!result.ok) return describeError(result.error);
  const readOnly = result.permissions && !result.permissions.includes('write');
  return (
    `Connected to ${result.workspaceName} (${result.workspaceId}).` +
    (readOnly ? ' This key is read-only: you can look people up, but not log activities.' : '')
  );
}

export function hostRefusedMessage(baseUrl: string): string {
  return `Chrome didn’t allow access to ${new URL(baseUrl).host}, so nothing was changed. Try again and choose “Allow”.`;
}
