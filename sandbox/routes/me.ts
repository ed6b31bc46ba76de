/** ASSUMPTION (beyond the reference): `GET /v1/me` tells a client which workspace and permissions its key has. */
import { keyPrefix } from '../auth';
import type { Route } from './route';

export const meRoutes: Route[] = [
  {
    method: 'GET',
    pattern: /^\/v1\/me$/,
    permission: 'read',
    workspaceOptional: true,
    handle: ({ caller }) => ({
      status: 200,
      body: {
        workspace: { id: caller.workspace.id, name: caller.workspace.name },
        key: { prefix: keyPrefix(caller.key.key), permissions: caller.key.permissions },
      },
    }),
  },
];
