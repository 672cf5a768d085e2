import type { ReactNode } from "react";
import { ErrorText } from "./ErrorText";

// Labelled form fields that point at their help and their error (aria-describedby), the error right below the field.

/** What a field's control needs to be found by its label and to announce its error and help. */
export interface FieldA11y {
  id: string;
  "aria-invalid": true | undefined;
  "aria-describedby": string | undefined;
}

interface Notes {
  id: string;
  error?: string | null;
  help?: ReactNode;
}

function a11yOf({ id, error, help }: Notes): FieldA11y {
  const describedBy = [help ? `${id}-help` : "", error ? `${id}-error` : ""].filter(Boolean).join(" ");
  return { id, "aria-invalid": error ? true : undefined, "aria-describedby": describedBy || undefined };
}

function FieldNotes({ id, error, help }: Notes) {
  return (
    <>
      {help && (
        <p id={`${id}-help`} className="help">
          {help}
        </p>
      )}
      <ErrorText id={`${id}-error`} message={error} />
    </>
  );
}

/** A <label>, the control (rendered by `children`), help text, and the field's error right below it. */
export function Field({ id, label, error, help, children, className }: Notes & {
  label: ReactNode;
  children(a11y: FieldA11y): ReactNode;
  className?: string;
}) {
  return (
    <div className={className ? `field ${className}` : "field"}>
      <label htmlFor={id}>{label}</label>
      {children(a11yOf({ id, error, help }))}
      <FieldNotes id={id} error={error} help={help} />
    </div>
  );
}

/** A checkbox with its label beside it, help, and its error. */
export function CheckboxField({ id, label, checked, onChange, error, help, disabled }: Notes & {
  label: ReactNode;
  checked: boolean;
  onChange(checked: boolean): void;
  disabled?: boolean;
}) {
  return (
    <div className="field">
      <div className="check">
        <input {...a11yOf({ id, error, help })} type="checkbox" checked={checked} disabled={disabled} onChange={(e) => onChange(e.target.checked)} />
        <label htmlFor={id}>{label}</label>
      </div>
      <FieldNotes id={id} error={error} help={help} />
    </div>
  );
}
