import type { ReactNode } from "react";

/**
 * A labelled search field in a search landmark. Without `button` it filters as one types (`onChange`); with it, the
 * search runs when the form is submitted (`onSubmit`). `children` go beside the field (a checkbox, say).
 */
export function SearchBox({ id, label, value, onChange, onSubmit, button, placeholder, describedBy, className, children }: {
  id: string;
  label: string;
  value: string;
  onChange(value: string): void;
  onSubmit?(): void;
  button?: string;
  placeholder?: string;
  describedBy?: string;
  className?: string;
  children?: ReactNode;
}) {
  return (
    <form
      className={className ? `inline ${className}` : "inline"}
      role="search"
      onSubmit={(e) => {
        e.preventDefault();
        onSubmit?.();
      }}
    >
      <label htmlFor={id}>{label}</label>
      <input id={id} type="search" value={value} onChange={(e) => onChange(e.target.value)} placeholder={placeholder} aria-describedby={describedBy} />
      {button && (
        <button type="submit" className="secondary">
          {button}
        </button>
      )}
      {children}
    </form>
  );
}
