/** Every /v1 route, in one table the pipeline matches against. */
import { activityRoutes } from './activities';
import { contactRoutes } from './contacts';
import { dealRoutes } from './deals';
import { meRoutes } from './me';
import type { Route } from './route';
import { webhookRoutes } from './webhooks';

export const apiRoutes: Route[] = [
  ...meRoutes,
  ...contactRoutes,
  ...dealRoutes,
  ...activityRoutes,
  ...webhookRoutes,
];
