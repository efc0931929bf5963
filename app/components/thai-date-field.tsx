import { useEffect, useId, useState, type FocusEvent, type ReactNode } from "react";
import {
  THAI_MONTHS,
  beDateProblem,
  beParts,
  formatIsoDateThai,
  isoFromBeParts,
  type BeDateParts,
} from "~/domain/be-date";

// One date field for every form (decision 047): day, month name and Buddhist-era year, never the browser's
// "11/28/2026". It posts one hidden input `name` = "YYYY-MM-DD" (CE, what the server stores and validates);
// "" when nothing is typed and "invalid" when the parts are no date (the server then refuses it).

export type ThaiDateFieldProps = {
  label: string;
  /** The posted field's name; its value is the ISO date. */
  name: string;
  /** Controlled ISO value ("" for none); with `onChange`. */
  value?: string;
  /** Uncontrolled initial ISO value. */
  defaultValue?: string;
  /** Called with the ISO date, or "" while incomplete or invalid. */
  onChange?: (iso: string) => void;
  /** Called when focus leaves the whole field. */
  onBlur?: () => void;
  error?: string;
  hint?: ReactNode;
  required?: boolean;
};

const INVALID = "invalid";

export function ThaiDateField({
  label,
  name,
  value,
  defaultValue,
  onChange,
  onBlur,
  error,
  hint,
  required,
}: ThaiDateFieldProps) {
  const base = useId().replace(/:/g, "");
  const id = `${name.replace(/[^\w-]/g, "-")}-${base}`;
  const [parts, setParts] = useState<BeDateParts>(() => beParts(value ?? defaultValue));
  const [touched, setTouched] = useState(false);
  const iso = isoFromBeParts(parts);
  const typed = Boolean(parts.day || parts.month || parts.beYear);

  // A controlled value set from outside (a reset, a server value) replaces what is shown.
  useEffect(() => {
    if (value !== undefined && value !== (iso ?? "") && value !== INVALID) setParts(beParts(value));
    // eslint-disable-next-line react-hooks/exhaustive-deps
  }, [value]);

  const update = (patch: Partial<BeDateParts>) => {
    const next = { ...parts, ...patch };
    setParts(next);
    onChange?.(isoFromBeParts(next) ?? "");
  };
  const leave = (event: FocusEvent<HTMLFieldSetElement>) => {
    if (event.currentTarget.contains(event.relatedTarget as Node | null)) return;
    setTouched(true);
    onBlur?.();
  };

  const problem = touched || error ? beDateProblem(parts) : null;
  const shown = problem ?? error;
  const errorId = `${id}-error`;
  const readoutId = `${id}-readout`;
  const invalid = shown ? true : undefined;
  return (
    <fieldset
      className="field date-field"
      onBlur={leave}
      aria-describedby={shown ? `${readoutId} ${errorId}` : readoutId}
    >
      <legend>
        {label}
        {required ? <span className="visually-hidden"> (จำเป็น)</span> : null}
      </legend>
      <div className="date-field__parts">
        <span className="date-field__part">
          <label htmlFor={`${id}-day`}>วัน</label>
          <input
            id={`${id}-day`}
            className="date-field__day"
            inputMode="numeric"
            autoComplete="off"
            maxLength={2}
            placeholder="วว"
            value={parts.day}
            aria-invalid={invalid}
            onChange={(e) => update({ day: e.target.value })}
          />
        </span>
        <span className="date-field__part">
          <label htmlFor={`${id}-month`}>เดือน</label>
          <select
            id={`${id}-month`}
            value={parts.month}
            aria-invalid={invalid}
            onChange={(e) => update({ month: e.target.value })}
          >
            <option value="">— เดือน —</option>
            {THAI_MONTHS.map((m, i) => (
              <option key={m} value={String(i + 1)}>
                {m}
              </option>
            ))}
          </select>
        </span>
        <span className="date-field__part">
          <label htmlFor={`${id}-year`}>ปี พ.ศ.</label>
          <input
            id={`${id}-year`}
            className="date-field__year"
            inputMode="numeric"
            autoComplete="off"
            maxLength={4}
            placeholder="ปปปป"
            value={parts.beYear}
            aria-invalid={invalid}
            onChange={(e) => update({ beYear: e.target.value })}
          />
        </span>
      </div>
      <input type="hidden" name={name} value={iso ?? (typed ? INVALID : "")} />
      <span className="field-hint" id={readoutId} aria-live="polite">
        {iso ? `วันที่ ${formatIsoDateThai(iso)}` : (hint ?? "กรอกวัน เลือกเดือน และกรอกปี พ.ศ. เช่น 28 พฤศจิกายน 2569")}
      </span>
      {shown ? (
        <span className="field-error" id={errorId} role="alert">
          {shown}
        </span>
      ) : null}
    </fieldset>
  );
}

/** The minimal part of a react-hook-form form the adapter needs (what `useZodForm` returns). */
type DateForm = {
  watch: (name: string) => unknown;
  setValue: (name: string, value: string, options?: { shouldDirty?: boolean; shouldValidate?: boolean }) => void;
  trigger: (name: string) => Promise<boolean>;
  formState: { isSubmitted: boolean };
};

/** Props that bind a ThaiDateField to a react-hook-form field: `<ThaiDateField label="…" {...dateField(form, "dueDate")} />`. */
export function dateField(form: DateForm, name: string) {
  return {
    name,
    value: String(form.watch(name) ?? ""),
    // A complete date is checked at once (clearing an earlier "required" message); while typing, the field's own
    // message speaks.
    onChange: (iso: string) =>
      form.setValue(name, iso, { shouldDirty: true, shouldValidate: iso !== "" || form.formState.isSubmitted }),
    onBlur: () => void form.trigger(name),
  };
}
