/** Form pieces screening's screens share: a labelled input, a place picker and a form's action. */
import type { Place } from '@renxing/ui/api-types';
import { Field } from '@renxing/ui/controls';
import { PlaceOptions } from '@renxing/ui/PlaceOptions';
import type { InputHTMLAttributes, ReactNode, Ref } from 'react';

/** An input's attributes less those the field sets (its id, value and change handler). */
export type InputProps = Omit<InputHTMLAttributes<HTMLInputElement>, 'id' | 'value' | 'onChange'>;

/** A labelled control's own props: its label (and hint), its value as a string and the change of it. */
export interface FieldProps {
  label: string;
  hint?: string;
  value: string;
  onValue: (value: string) => void;
}

/** An input under its visible label. */
export function InputField({
  label,
  hint,
  value,
  onValue,
  ref,
  ...input
}: InputProps & FieldProps & { ref?: Ref<HTMLInputElement> }) {
  return (
    <Field label={label} hint={hint}>
      {(id) => <input id={id} ref={ref} {...input} value={value} onChange={(e) => onValue(e.target.value)} />}
    </Field>
  );
}

/** A choice (required) among the options given, after an empty one (its text `none`). */
export function SelectField({
  label,
  hint,
  value,
  onValue,
  none,
  children,
}: FieldProps & { none?: string; children: ReactNode }) {
  return (
    <Field label={label} hint={hint}>
      {(id) => (
        <select id={id} required value={value} onChange={(e) => onValue(e.target.value)}>
          <option value="">{none}</option>
          {children}
        </select>
      )}
    </Field>
  );
}

/** A place (required) among those the user may see. */
export function PlaceField({ places, ...field }: FieldProps & { places: readonly Place[] | undefined }) {
  return (
    <SelectField {...field}>
      <PlaceOptions places={places} />
    </SelectField>
  );
}

export { type Action, useAction } from '@renxing/ui/actions';
