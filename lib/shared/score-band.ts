/**
 * The one place AI scores become bands, so the chip colour and the words on the
 * card can never disagree.
 */
export type ScoreBand = 'cold' | 'warm' | 'hot';

export function scoreBand(score: number): ScoreBand {
  if (score >= 70) return 'hot';
  if (score >= 40) return 'warm';
  return 'cold';
}

/** "Hot lead": shown on the card and, lower-cased, in the chip's accessible name. */
export const BAND_WORDS: Record<ScoreBand, string> = {
  cold: 'Cold lead',
  warm: 'Warm lead',
  hot: 'Hot lead',
};
