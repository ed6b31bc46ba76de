/** "Add to Vivre" for someone Vivre does not know: prefilled, editable, validated. */
import { useRef, useState } from 'preact/hooks';
import { guessCompany, guessName } from './prefill-contact';
import type { AddInput } from '../common/view-types';

// Loose on purpose: the server has the final word; this only catches typos.
const EMAIL_SHAPE = /^[^\s@]+@[^\s@]+\.[^\s@]+$/;

function validateAdd(input: AddInput): Partial<Record<keyof AddInput, string>> {
  const errors: Partial<Record<keyof AddInput, string>> = {};
  if (!input.name.trim()) errors.name = 'Enter a name.';
  else if (input.name.trim().length > 200) errors.name = 'Keep the name under 200 characters.';
  if (!EMAIL_SHAPE.test(input.email.trim()))
    errors.email = 'Enter an email address like name@company.com.';
  if (input.company.trim().length > 200) errors.company = 'Keep the company under 200 characters.';
  return errors;
}

export interface AddContactFormProps {
  idPrefix: string;
  email: string;
  displayName: string | null;
  disabledReason: string | null;
  /** The form stays, as typed and with its button disabled, until this settles. */
  onSubmit: (input: AddInput) => Promise<void>;
}

export function AddContactForm(props: AddContactFormProps) {
  const [values, setValues] = useState<AddInput>(() => ({
    name: guessName(props.email, props.displayName),
    email: props.email,
    company: guessCompany(props.email),
  }));
  const [errors, setErrors] = useState<ReturnType<typeof validateAdd>>({});
  const [saving, setSaving] = useState(false);
  // A ref, not the state: two presses in one tick would both see `saving` false.
  const inFlight = useRef(false);

  async function submit(event: Event) {
    event.preventDefault();
    if (inFlight.current) return;
    const found = validateAdd(values);
    setErrors(found);
    if (Object.keys(found).length > 0) return;
    inFlight.current = true;
    setSaving(true);
    try {
      await props.onSubmit({
        name: values.name.trim(),
        email: values.email.trim(),
        company: values.company.trim(),
      });
    } finally {
      inFlight.current = false;
      setSaving(false);
    }
  }

  const field = (key: keyof AddInput, label: string, type = 'text') => {
    const errorId = `${props.idPrefix}-${key}-error`;
    return (
      <label class="field">
        <span>{label}</span>
        <input
          type={type}
          aria-label={label}
          value={values[key]}
          aria-invalid={errors[key] ? true : undefined}
          aria-describedby={errors[key] ? errorId : undefined}
          onInput={(e) => setValues({ ...values, [key]: e.currentTarget.value })}
        />
        {errors[key] && (
          <span id={errorId} class="field-error" role="alert">
            {errors[key]}
          </span>
        )}
      </label>
    );
  };

  return (
    <form
      class="add-form"
      onSubmit={(event) => void submit(event)}
      aria-label="Add to Vivre"
      noValidate
    >
      {field('name', 'Name')}
      {field('email', 'Email', 'email')}
      {field('company', 'Company')}
      {props.disabledReason && <p class="muted">{props.disabledReason}</p>}
      <button type="submit" class="primary" disabled={saving || Boolean(props.disabledReason)}>
        Add to Vivre
      </button>
    </form>
  );
}
