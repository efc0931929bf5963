import { forwardRef, type InputHTMLAttributes, type ReactNode, type SelectHTMLAttributes } from "react";

type FieldProps = { label: string; name: string; error?: string; hint?: ReactNode };

export const TextField = forwardRef<HTMLInputElement, FieldProps & InputHTMLAttributes<HTMLInputElement>>(
  function TextField({ label, name, error, hint, ...input }, ref) {
    const errorId = `${name}-error`;
    return (
      <div className="field">
        <label htmlFor={name}>{label}</label>
        <input
          ref={ref}
          id={name}
          name={name}
          aria-invalid={error ? true : undefined}
          aria-describedby={error ? errorId : undefined}
          {...input}
        />
        {hint ? <span className="field-hint">{hint}</span> : null}
        {error ? (
          <span className="field-error" id={errorId} role="alert">
            {error}
          </span>
        ) : null}
      </div>
    );
  },
);

export const SelectField = forwardRef<HTMLSelectElement, FieldProps & SelectHTMLAttributes<HTMLSelectElement>>(
  function SelectField({ label, name, error, hint, children, ...select }, ref) {
    const errorId = `${name}-error`;
    return (
      <div className="field">
        <label htmlFor={name}>{label}</label>
        <select
          ref={ref}
          id={name}
          name={name}
          aria-invalid={error ? true : undefined}
          aria-describedby={error ? errorId : undefined}
          {...select}
        >
          {children}
        </select>
        {hint ? <span className="field-hint">{hint}</span> : null}
        {error ? (
          <span className="field-error" id={errorId} role="alert">
            {error}
          </span>
        ) : null}
      </div>
    );
  },
);

export function FormError({ message }: { message?: string }) {
  if (!message) return null;
  return (
    <div className="alert alert--error" role="alert">
      {message}
    </div>
  );
}
