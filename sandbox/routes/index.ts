/** Every /v1 route, in one table the pipeline matches against. */
import { contactRoutes } from './contacts';
import { meRoutes } from './me';
import type { Route } from './route';

export const apiRoutes: Route[] = [...meRoutes, ...contactRoutes];
