/**
 * Test helpers outside the Vivre API, admin keys only, exempt from rate limits
 * and faults (so a test can always switch faults off again).
 */
import { FaultsInput } from '../faults';
import { parseWith } from '../validate';
import type { Route } from './route';

export const sandboxAdminRoutes: Route[] = [
  {
    method: 'GET',
    pattern: /^\/__sandbox\/state$/,
    permission: 'admin',
    workspaceOptional: true,
    handle: ({ ws, faults }) => ({
      status: 200,
      body: {
        workspace: { id: ws.id, name: ws.name },
        counts: {
          contacts: Object.keys(ws.contacts).length,
          deals: Object.keys(ws.deals).length,
          activities: Object.keys(ws.activities).length,
          webhooks: Object.keys(ws.webhooks).length,
          deliveries: Object.keys(ws.deliveries).length,
        },
        faults: faults(),
      },
    }),
  },
  {
    method: 'PUT',
    pattern: /^\/__sandbox\/faults$/,
    permission: 'admin',
    workspaceOptional: true,
    handle: ({ body, faults, setFaults }) => {
      setFaults(parseWith(FaultsInput, body));
      return { status: 200, body: faults() };
    },
  },
];
