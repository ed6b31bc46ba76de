/**
 * Who is calling: the Bearer key decides the workspace and permissions, and
 * `X-Workspace-ID` must name that same workspace. 401 = we don't know you,
 * 403 = we know you but you may not do this here.
 */
import type { IncomingMessage } from 'node:http';
import { ApiError } from './api-error';
import type { Store } from './store';
import type { ApiKey, Permission, WorkspaceData } from './types';

const KEY_SHAPE = /^vv_(live|test)_[A-Za-z0-9_]+$/;

export interface Caller {
  key: ApiKey;
  workspace: WorkspaceData;
}

export function bearerToken(req: IncomingMessage): string | null {
  const match = /^Bearer\s+(\S+)\s*$/i.exec(req.headers.authorization ?? '');
  return match ? match[1]! : null;
}

export function authenticate(
  req: IncomingMessage,
  store: Store,
  options: { workspaceOptional?: boolean } = {},
): Caller {
  const token = bearerToken(req);
  if (!token) {
    throw new ApiError(
      401,
      'authentication_error',
      'Missing API key: send "Authorization: Bearer vv_live_…".',
    );
  }
  if (!KEY_SHAPE.test(token)) {
    throw new ApiError(
      401,
      'authentication_error',
      'That is not a Vivre API key (they start with vv_live_ or vv_test_).',
    );
  }
  const key = store.findKey(token);
  if (!key) throw new ApiError(401, 'authentication_error', 'Unknown API key.');
  const workspace = store.workspace(key.workspace_id)!;

  const header = req.headers['x-workspace-id'];
  const requested = Array.isArray(header) ? header[0] : header;
  if (!requested) {
    if (options.workspaceOptional) return { key, workspace };
    throw new ApiError(400, 'invalid_request', 'Missing X-Workspace-ID header.', {
      param: 'X-Workspace-ID',
    });
  }
  if (requested !== key.workspace_id) {
    throw new ApiError(
      403,
      'permission_error',
      `This API key does not belong to workspace ${requested}.`,
      {
        param: 'X-Workspace-ID',
      },
    );
  }
  return { key, workspace };
}

export function requirePermission(caller: Caller, permission: Permission): void {
  if (!caller.key.permissions.includes(permission)) {
    throw new ApiError(
      403,
      'permission_error',
      `This API key lacks the "${permission}" permission.`,
    );
  }
}

/** Enough of the key to recognise it in a settings screen, never enough to use it. */
export const keyPrefix = (key: string) => `${key.slice(0, 12)}…`;
