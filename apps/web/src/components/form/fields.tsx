// The form kit's widgets: one field wrapper (label, hint, error tied to the control with aria-describedby and
// aria-invalid) and the controls built on it (text, textarea, select, Italian decimals, ISO dates), with the
// Bootstrap Italia classes the screens use. Values are the text as typed: numbers are read with parseNumber
// (format/format.ts) when they are sent, so "12,5x" stays on screen with its message.
import { useId, type ReactNode } from 'react';

/** What a control needs from its field: its id and the ARIA attributes that tie the texts to it. */
export type ControlProps = {
  id: string;
  'aria-invalid': true | undefined;
  'aria-describedby': string | undefined;
  'aria-required': true | undefined;
  className: string;
};

export type FieldProps = {
  /** The control's id (default: one from useId); the error is `${id}-error`, the hint `${id}-hint`. */
  id?: string | undefined;
  label: ReactNode;
  /** A text under the control that explains it (read after the error). */
  hint?: ReactNode;
  /** The message shown when the value is not acceptable (already translated); null or empty: none. */
  error?: string | null | undefined;
  /** Ids of other texts that explain the field (why it is disabled, a shared hint). */
  describedBy?: readonly (string | null | undefined)[] | undefined;
  required?: boolean | undefined;
  /** `sm`: the compact controls of the plan editor. */
  size?: 'sm' | undefined;
  /** The wrapper's class (default `mb-2`). */
  className?: string | undefined;
  labelClassName?: string | undefined;
};

/** The control's base class with the size and the invalid state. */
function controlClass(base: 'form-control' | 'form-select', size: 'sm' | undefined, invalid: boolean): string {
  return `${base}${size ? ` ${base}-${size}` : ''}${invalid ? ' is-invalid' : ''}`;
}

/** A labelled field: renders the control through `children` with the ids and ARIA attributes it needs. */
export function Field({
  id: given,
  label,
  hint,
  error,
  describedBy = [],
  required,
  size,
  className = 'mb-2',
  labelClassName,
  base = 'form-control',
  children,
}: FieldProps & { base?: 'form-control' | 'form-select'; children: (control: ControlProps) => ReactNode }) {
  const generated = useId();
  const id = given ?? generated;
  const hintId = hint ? `${id}-hint` : null;
  const errorId = error ? `${id}-error` : null;
  const described = [errorId, hintId, ...describedBy].filter(Boolean).join(' ') || undefined;
  return (
    <div className={className}>
      <label htmlFor={id} className={labelClassName}>
        {label}
      </label>
      {children({
        id,
        'aria-invalid': error ? true : undefined,
        'aria-describedby': described,
        'aria-required': required ? true : undefined,
        className: controlClass(base, size, Boolean(error)),
      })}
      {hint ? (
        <div id={hintId!} className="form-text mt-0">
          {hint}
        </div>
      ) : null}
      {error ? (
        <div id={errorId!} className="invalid-feedback d-block">
          {error}
        </div>
      ) : null}
    </div>
  );
}

type InputProps = FieldProps & {
  value: string;
  onChange: (value: string) => void;
  disabled?: boolean | undefined;
  autoComplete?: string | undefined;
};

/** A one-line text field. */
export function TextInput({ value, onChange, disabled, autoComplete, inputMode, type = 'text', ...field }: InputProps & { inputMode?: 'decimal' | 'numeric' | undefined; type?: 'text' | 'date' }) {
  return (
    <Field {...field}>
      {(control) => <input {...control} type={type} inputMode={inputMode} autoComplete={autoComplete} value={value} disabled={disabled} onChange={(e) => onChange(e.target.value)} />}
    </Field>
  );
}

/** A number typed the Italian way ("1.234,56", "12,5"; the English "12.5" is read too): text kept as typed. */
export function NumberInput(props: InputProps & { inputMode?: 'decimal' | 'numeric' | undefined }) {
  return <TextInput inputMode="decimal" {...props} />;
}

/** A day (the browser's date picker; the value is the ISO day "2024-12-31" or empty). */
export function DateInput(props: InputProps) {
  return <TextInput {...props} type="date" />;
}

/** A multi-line text field. */
export function TextArea({ value, onChange, disabled, rows = 3, ...field }: InputProps & { rows?: number }) {
  return <Field {...field}>{(control) => <textarea {...control} rows={rows} value={value} disabled={disabled} onChange={(e) => onChange(e.target.value)} />}</Field>;
}

export type SelectOption = { value: string; label: string; disabled?: boolean | undefined };

/** A select among options. */
export function SelectInput({ value, onChange, disabled, options, ...field }: InputProps & { options: readonly SelectOption[] }) {
  return (
    <Field {...field} base="form-select">
      {(control) => (
        <select {...control} value={value} disabled={disabled} onChange={(e) => onChange(e.target.value)}>
          {options.map((o) => (
            <option key={o.value} value={o.value} disabled={o.disabled}>
              {o.label}
            </option>
          ))}
        </select>
      )}
    </Field>
  );
}
