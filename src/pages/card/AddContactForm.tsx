/** "Add to Vivre" for someone Vivre does not know: prefilled, editable, validated. */
import { useState } from 'preact/hooks';
import { guessCompany, guessName } from './prefill-contact';
import type { AddInput } from '../../ui/view-types';

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
  onSubmit: (input: AddInput) => void;
}

export function AddContactForm(props: AddContactFormProps) {
  const [values, setValues] = useState<AddInput>(() => ({
    name: guessName(props.email, props.displayName),
    email: props.email,
    company: guessCompany(props.email),
  }));
  const [errors, setErrors] = useState<ReturnType<typeof validateAdd>>({});

  function submit(event: Event) {
    event.preventDefault();
    const found = validateAdd(values);
    setErrors(found);
    if (Object.keys(found).length === 0)
      props.onSubmit({
        name: values.name.trim(),
        email: values.email.trim(),
        company: values.company.trim(),
      });
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
    <form class="add-form" onSubmit={submit} aria-label="Add to Vivre" noValidate>
      {field('name', 'Name')}
      {field('email', 'Email', 'email')}
      {field('company', 'Company')}
      {props.disabledReason && <p class="muted">{props.disabledReason}</p>}
      <button type="submit" class="primary" disabled={Boolean(props.disabledReason)}>
        Add to Vivre
      </button>
    </form>
  );
}
