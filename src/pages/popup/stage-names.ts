import type { Stage } from '../../shared/vivre/contract-types';

export const STAGE_NAMES: Record<Stage, string> = {
  new: 'New',
  qualified: 'Qualified',
  proposal: 'Proposal',
  won: 'Won',
};
