/**
 * One open deal: title, value and its stage, which the rep can move. The stage is picked first
 * and sent with "Move", so arrowing through the menu (which changes a select at each key in
 * Chrome) never queues a write per stage passed.
 */
import { useEffect, useRef, useState } from 'preact/hooks';
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
  const [chosen, setChosen] = useState<Stage>(deal.stage);
  const [moving, setMoving] = useState(false);
  // "Move" goes once the deal is there; focus stays on the deal's stage, not Gmail's <body>.
  const select = useRef<HTMLSelectElement>(null);
  // Vivre's (or the rep's own) new stage becomes the one shown, with nothing left to move.
  useEffect(() => setChosen(deal.stage), [deal.stage]);
  const value = typeof deal.value === 'number' ? formatPaise(deal.value) : 'No value';

  async function move() {
    if (moving || chosen === deal.stage) return;
    setMoving(true);
    try {
      if (await onMove(deal.id, chosen)) select.current?.focus();
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
            onChange={(e) => setChosen(e.currentTarget.value as Stage)}
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
