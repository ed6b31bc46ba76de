/**
 * The sandbox's AI score: a small deterministic stand-in for Vivre's model, so a
 * rep sees the number move when they log work. Documented in docs/SANDBOX.md.
 *
 *   score = stage points + best deal points + Σ activity points × recency, clamped to 0..100
 */
import type { ActivityType, Stage } from './types';

export const STAGE_POINTS: Record<Stage, number> = {
  new: 10,
  qualified: 30,
  proposal: 45,
  won: 60,
};
export const DEAL_POINTS: Record<Stage, number> = { new: 0, qualified: 4, proposal: 8, won: 12 };
export const ACTIVITY_POINTS: Record<ActivityType, number> = {
  meeting: 12,
  call: 8,
  email: 5,
  note: 3,
};

const DAY_MS = 86_400_000;

/** Recent work counts fully; older work fades but never to nothing. */
export function recencyFactor(ageMs: number): number {
  const days = ageMs / DAY_MS;
  if (days <= 7) return 1;
  if (days <= 30) return 0.6;
  if (days <= 90) return 0.3;
  return 0.1;
}

export interface ScoreInput {
  stage: Stage;
  deals: ReadonlyArray<{ stage: Stage }>;
  activities: ReadonlyArray<{ type: ActivityType; created_at: string }>;
}

export function computeScore(input: ScoreInput, now: number): number {
  const dealPoints = Math.max(0, ...input.deals.map((deal) => DEAL_POINTS[deal.stage]));
  let activityPoints = 0;
  for (const activity of input.activities) {
    const age = Math.max(0, now - Date.parse(activity.created_at));
    activityPoints += ACTIVITY_POINTS[activity.type] * recencyFactor(age);
  }
  const raw = STAGE_POINTS[input.stage] + dealPoints + activityPoints;
  return Math.min(100, Math.max(0, Math.round(raw)));
}
