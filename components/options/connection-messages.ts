/**
 * One sentence for each problem a connection test can find, written for the rep at the options
 * page: what is wrong and what to do, never an HTTP code or a pointer to the page they are on.
 */
import type { RepError, TestConnectionResult } from '../../lib/shared/messaging/protocol';

interface Tried {
  baseUrl: string;
  workspaceId: string;
}

function hostOf(baseUrl: string): string {
  try {
    return new URL(baseUrl).host;
  } catch {
    return baseUrl;
  }
}

export function describeProblem(error: RepError, tried: Tried): string {
  switch (error.kind) {
    case 'unauthorized':
      return 'Vivre didn’t accept this API key — copy it again from Vivre → Settings → API keys.';
    case 'forbidden':
      return `This API key can’t open workspace ${tried.workspaceId} — check the workspace ID, or use a key made in that workspace.`;
    case 'offline':
      return `Couldn’t reach ${hostOf(tried.baseUrl)} — check the API base URL and your internet connection.`;
    case 'not_found':
      return `There’s no Vivre API at ${tried.baseUrl} — the address usually ends in /v1, like https://api.vivre.app/v1.`;
    case 'unknown':
      return `${hostOf(tried.baseUrl)} didn’t answer like the Vivre API — check that the API base URL is the API’s (ending in /v1), not the web app’s.`;
    case 'rate_limited':
      return 'Vivre asked for a pause — try again in a minute.';
    case 'server':
      return 'Vivre is having trouble right now — try again in a few minutes.';
    default:
      return error.message;
  }
}

/** What a successful test found; a read-only key is said plainly (it can look up, not log). */
export function describeConnected(result: Extract<TestConnectionResult, { ok: true }>): {
  tone: 'ok' | 'warn';
  text: string;
} {
  const where = `${result.workspaceName} (${result.workspaceId})`;
  if (result.permissions && !result.permissions.includes('write')) {
    return {
      tone: 'warn',
      text: `Connected to ${where} and saved, but the key is read-only, so you’ll see scores and cards but can’t log — ask your Vivre admin for a key with write access.`,
    };
  }
  return { tone: 'ok', text: `Connected to ${where} and saved.` };
}

export function hostRefusedMessage(baseUrl: string): string {
  return `Your browser didn’t allow access to ${hostOf(baseUrl)}, so nothing was saved — try again and choose “Allow”.`;
}
