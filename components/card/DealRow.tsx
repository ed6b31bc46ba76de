/**
 * One open deal: title, value and its stage, which the rep can move. The stage is picked first
 * and sent with "Move", so arrowing through the menu (which changes a select at each key in
 * Chrome) never queues a write per stage passed.
 */
import { useRef, useState } from 'preact/hooks';
import { STAGE_WORDS, formatPaise } from '../../lib/shared/labels';
import type { Deal, Stage } from '../../lib/shared/vivre/contract-types';
import { STAGES } from '../../lib/shared/vivre/limits';
import { Choices } from '../common/Choices';

export function DealRow({
  deal,
  canMove,
  onMove,
}: {
  deal: Deal;
  canMove: boolean;
  onMove: (dealId: string, stage: Stage) => Promise<boolean>;
}) {
  // The rep's pick, with the stage it was picked from. Worked out while drawing, not reset by an
  // effect: an effect's first run comes a frame or more after the row appears (later on a busy
  // machine), and would throw away a stage picked before it.
  const [pick, setPick] = useState<{ from: Stage; to: Stage } | null>(null);
  // Vivre's (or the rep's own) new stage becomes the one shown, with nothing left to move.
  const chosen = pick?.from === deal.stage ? pick.to : deal.stage;
  const [moving, setMoving] = useState(false);
  // "Move" goes once the deal is there; focus stays on the deal's stage, not Gmail's <body>.
  const select = useRef<HTMLSelectElement>(null);
  const value = typeof deal.value === 'number' ? formatPaise(deal.value) : 'No value';

  async function move() {
    if (moving || chosen === deal.stage) return;
    setMoving(true);
    try {
      if (!(await onMove(deal.id, chosen))) return;
      // Done with: were the deal ever back at the stage it was picked from, it offers no move.
      setPick(null);
      select.current?.focus();
    } finally {
      setMoving(false);
    }
  }

  return (
    <>
      <span class="title">{deal.title}</span>
      <span class="value">{value}</span>
      {canMove ? (
        <span class="stage-move">
          <select
            ref={select}
            aria-label={`Stage of ${deal.title}`}
            value={chosen}
            onChange={(e) => setPick({ from: deal.stage, to: e.currentTarget.value as Stage })}
          >
            <Choices choices={STAGES} words={STAGE_WORDS} />
          </select>
          {chosen !== deal.stage && (
            <button
              type="button"
              disabled={moving}
              aria-label={`Move ${deal.title} to ${STAGE_WORDS[chosen]}`}
              onClick={() => void move()}
            >
              {chosen === 'won' ? 'Mark won' : 'Move'}
            </button>
          )}
        </span>
      ) : (
        <span class="muted">{STAGE_WORDS[deal.stage]}</span>
      )}
    </>
  );
}
