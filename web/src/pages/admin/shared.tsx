// Pieces every administration page uses: labelled fields that point at their error, a delete that asks first, the
// privilege a page needs, and the notice a list shows after a change made on another page.

import { useEffect, useId, useRef, useState, type ReactNode } from "react";
import { useLocation } from "react-router-dom";
import { messageOf } from "../../api/client";
import { holds } from "../../api/session";
import { useSession } from "../../auth/SessionContext";
import { ErrorText } from "../../components/ErrorText";

/** What a field's control needs to be found by its label and to announce its error and help. */
export interface FieldA11y {
  id: string;
  "aria-invalid": true | undefined;
  "aria-describedby": string | undefined;
}

/** A <label>, the control (rendered by `children`), help text, and the field's error right below it. */
export function Field({ id, label, error, help, children, className }: {
  id: string;
  label: ReactNode;
  error?: string;
  help?: ReactNode;
  children(a11y: FieldA11y): ReactNode;
  className?: string;
}) {
  const helpId = help ? `${id}-help` : undefined;
  const errorId = error ? `${id}-error` : undefined;
  const describedBy = [helpId, errorId].filter(Boolean).join(" ") || undefined;
  return (
    <div className={className ? `field ${className}` : "field"}>
      <label htmlFor={id}>{label}</label>
      {children({ id, "aria-invalid": error ? true : undefined, "aria-describedby": describedBy })}
      {help && (
        <p id={helpId} className="help">
          {help}
        </p>
      )}
      <ErrorText id={errorId} message={error} />
    </div>
  );
}

/** A checkbox with its label beside it, help, and its error. */
export function CheckboxField({ id, label, checked, onChange, error, help, disabled }: {
  id: string;
  label: ReactNode;
  checked: boolean;
  onChange(checked: boolean): void;
  error?: string;
  help?: ReactNode;
  disabled?: boolean;
}) {
  const helpId = help ? `${id}-help` : undefined;
  const errorId = error ? `${id}-error` : undefined;
  return (
    <div className="field">
      <div className="check">
        <input
          id={id}
          type="checkbox"
          checked={checked}
          disabled={disabled}
          onChange={(e) => onChange(e.target.checked)}
          aria-invalid={error ? true : undefined}
          aria-describedby={[helpId, errorId].filter(Boolean).join(" ") || undefined}
        />
        <label htmlFor={id}>{label}</label>
      </div>
      {help && (
        <p id={helpId} className="help">
          {help}
        </p>
      )}
      <ErrorText id={errorId} message={error} />
    </div>
  );
}

/**
 * A button that asks before it acts: "Delete" turns into the question with "Yes, delete" and "Cancel" (Escape
 * cancels); what the server refuses is shown right there, next to the button.
 */
export function ConfirmButton({ label, question, confirmLabel, onConfirm, describedBy }: {
  label: string;
  question: ReactNode;
  confirmLabel: string;
  onConfirm(): Promise<void>;
  /** The id of what the action concerns (a row's name), for screen readers. */
  describedBy?: string;
}) {
  const [asking, setAsking] = useState(false);
  const [busy, setBusy] = useState(false);
  const [error, setError] = useState<string | null>(null);
  const questionId = useId();
  const cancelRef = useRef<HTMLButtonElement>(null);
  const openRef = useRef<HTMLButtonElement>(null);
  const restoreFocus = useRef(false);

  useEffect(() => {
    if (asking) {
      cancelRef.current?.focus();
    } else if (restoreFocus.current) {
      restoreFocus.current = false;
      openRef.current?.focus();
    }
  }, [asking]);

  function cancel() {
    restoreFocus.current = true;
    setAsking(false);
  }

  async function confirm() {
    setBusy(true);
    setError(null);
    try {
      await onConfirm();
      setAsking(false);
    } catch (e) {
      setError(messageOf(e));
      restoreFocus.current = true;
      setAsking(false);
    } finally {
      setBusy(false);
    }
  }

  if (asking) {
    return (
      <div
        className="confirm"
        role="alertdialog"
        aria-labelledby={questionId}
        onKeyDown={(e) => {
          if (e.key === "Escape") {
            cancel();
          }
        }}
      >
        <span id={questionId}>{question}</span>
        <button type="button" className="danger" onClick={confirm} disabled={busy}>
          {confirmLabel}
        </button>
        <button type="button" className="secondary" onClick={cancel} ref={cancelRef} disabled={busy}>
          Cancel
        </button>
      </div>
    );
  }
  return (
    <span className="confirm-action">
      <button
        type="button"
        className="danger"
        ref={openRef}
        aria-describedby={describedBy}
        onClick={() => {
          setError(null);
          setAsking(true);
        }}
      >
        {label}
      </button>
      <ErrorText message={error} />
    </span>
  );
}

/** Shows the page only to holders of `privilege`; others see the page's heading and why there is nothing below it. */
export function RequirePrivilege({ privilege, title, children }: { privilege: string; title: string; children: ReactNode }) {
  const { me } = useSession();
  if (!holds(me, privilege)) {
    return (
      <section>
        <h1>{title}</h1>
        <p className="notice">
          This page needs the privilege <code>{privilege}</code>, which you do not hold.
        </p>
      </section>
    );
  }
  return <>{children}</>;
}

/** The state a page hands to the list it goes back to after a change ("Saved role ops."). */
export interface NoticeState {
  notice?: string;
}

/** The notice the previous page left in the navigation state, as a status message. */
export function FlashNotice() {
  const location = useLocation();
  const notice = (location.state as NoticeState | null)?.notice;
  if (!notice) {
    return null;
  }
  return (
    <p className="notice" role="status">
      {notice}
    </p>
  );
}

/** One page of a list the server hands over whole. */
export function pageOf<T>(items: T[], page: number, pageSize: number): T[] {
  return items.slice((page - 1) * pageSize, page * pageSize);
}

/** The page to show after the list changed length: the same, or the last there is. */
export function clampPage(page: number, total: number, pageSize: number): number {
  return Math.min(Math.max(1, page), Math.max(1, Math.ceil(total / pageSize)));
}

/** An error loading a page's data, in the page, with what failed. */
export function LoadError({ error, what }: { error: unknown; what: string }) {
  if (!error) {
    return null;
  }
  return <ErrorText message={`Could not load ${what}: ${messageOf(error)}`} />;
}
