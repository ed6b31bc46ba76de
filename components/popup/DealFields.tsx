import type { DealChoice, LogActivityField } from '../../lib/shared/forms/log-activity';
import { openDeals } from '../../lib/shared/email-deal';
import { dealLabel, STAGE_WORDS } from '../../lib/shared/labels';
import { STAGES } from '../../lib/shared/vivre/limits';
import type { FormErrors } from '../../lib/shared/forms/result';
import type { Deal, Stage } from '../../lib/shared/vivre/contract-types';
import { Field, SelectField } from '../common/Field';
import { NewDealInputs } from './NewDealInputs';

interface Props {
  /** The contact's deals (with the outbox applied), or null while unknown. */
  deals: Deal[] | null;
  /** One sentence about where the list comes from (loading, offline copy…), if anything. */
  note: string | null;
  value: DealChoice;
  onChange: (deal: DealChoice) => void;
  errors: FormErrors<LogActivityField>;
}

const NEW = '__new';

/** Where a deal can be moved; won also closes it (lib/shared/forms/deal.ts). */
const MOVE_WORDS: Record<Stage, string> = { ...STAGE_WORDS, won: 'Won — mark closed today' };

/** The optional deal: none, one of the contact's open deals (maybe moved on), or a new one. */
export function DealFields({ deals, note, value, onChange, errors }: Props) {
  const open = openDeals(deals);
  const selectedDeal =
    value.kind === 'existing' ? open.find((d) => d.id === value.dealId) : undefined;
  const selectValue = value.kind === 'new' ? NEW : value.kind === 'existing' ? value.dealId : '';

  function choose(id: string) {
    if (id === NEW) onChange({ kind: 'new', values: { title: '', value: '', stage: 'new' } });
    else if (id) onChange({ kind: 'existing', dealId: id, moveTo: '' });
    else onChange({ kind: 'none' });
  }

  return (
    <div class="deal">
      <div class={value.kind === 'existing' ? 'pair' : ''}>
        <Field id="deal" label="Deal" hint={note ?? undefined}>
          {(control) => (
            <select
              {...control}
              value={selectValue}
              onChange={(e) => choose(e.currentTarget.value)}
            >
              <option value="">No deal</option>
              {open.map((deal) => (
                <option key={deal.id} value={deal.id}>
                  {dealLabel(deal)}
                </option>
              ))}
              <option value={NEW}>New deal…</option>
            </select>
          )}
        </Field>
        {value.kind === 'existing' ? (
          <SelectField
            id="deal-move"
            label="Move deal to"
            empty={`Leave it ${selectedDeal ? `at ${STAGE_WORDS[selectedDeal.stage]}` : 'as it is'}`}
            choices={STAGES.filter((stage) => stage !== selectedDeal?.stage)}
            words={MOVE_WORDS}
            value={value.moveTo}
            onValue={(moveTo) => onChange({ ...value, moveTo })}
          />
        ) : null}
      </div>
      {value.kind === 'new' ? (
        <NewDealInputs value={value} onChange={onChange} errors={errors} />
      ) : null}
    </div>
  );
}
