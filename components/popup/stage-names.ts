import type { Stage } from '../../lib/vivre/contract-types';

export const STAGE_NAMES: Record<Stage, string> = {
  new: 'New',
  qualified: 'Qualified',
  proposal: 'Proposal',
  won: 'Won',
};
