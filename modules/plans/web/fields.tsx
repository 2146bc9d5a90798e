/** Form pieces plans' screens share: labelled inputs and selects, and a form's action. */
import { Field } from '@renxing/ui/controls';
import type { InputHTMLAttributes, ReactNode } from 'react';

/** An input's attributes less those the field sets (its id, value and change handler). */
export type InputProps = Omit<InputHTMLAttributes<HTMLInputElement>, 'id' | 'value' | 'onChange'>;

export interface FieldProps {
  label: string;
  hint?: string;
  value: string;
  onValue: (value: string) => void;
}

/** An input under its visible label. */
export function InputField({ label, hint, value, onValue, ...input }: InputProps & FieldProps) {
  return (
    <Field label={label} hint={hint}>
      {(id) => <input id={id} {...input} value={value} onChange={(e) => onValue(e.target.value)} />}
    </Field>
  );
}

/** A text area under its visible label. */
export function TextField({
  label,
  hint,
  value,
  onValue,
  rows = 3,
  maxLength,
}: FieldProps & { rows?: number; maxLength?: number }) {
  return (
    <Field label={label} hint={hint}>
      {(id) => (
        <textarea
          id={id}
          rows={rows}
          maxLength={maxLength}
          value={value}
          onChange={(e) => onValue(e.target.value)}
        />
      )}
    </Field>
  );
}

/** A choice among the options given (after an empty one when `none` is given). */
export function SelectField({
  label,
  hint,
  value,
  onValue,
  none,
  required = true,
  children,
}: FieldProps & { none?: string; required?: boolean; children: ReactNode }) {
  return (
    <Field label={label} hint={hint}>
      {(id) => (
        <select id={id} required={required} value={value} onChange={(e) => onValue(e.target.value)}>
          {none !== undefined ? <option value="">{none}</option> : null}
          {children}
        </select>
      )}
    </Field>
  );
}

export { type Action, useAction } from '@renxing/ui/actions';
