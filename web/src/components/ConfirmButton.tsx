import { useEffect, useId, useRef, useState, type ReactNode } from "react";
import { messageOf } from "../api/client";
import { ErrorText } from "./ErrorText";

/**
 * A button that asks before it acts, in place: "Delete" turns into the question with "Yes, delete" and "Cancel". The
 * focus goes to Cancel (a second Enter does no harm), Escape cancels, and after Cancel or a refusal the focus is back
 * on the button. What the server refuses is shown right there, next to the button. After a success the page says what
 * happened (ActionNotice), since the row is usually gone.
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
        role="group"
        aria-labelledby={questionId}
        onKeyDown={(e) => {
          if (e.key === "Escape" && !busy) {
            cancel();
          }
        }}
      >
        <span id={questionId}>{question}</span>
        <span className="row">
          <button type="button" className="danger" onClick={confirm} disabled={busy}>
            {confirmLabel}
          </button>
          <button type="button" className="secondary" onClick={cancel} ref={cancelRef} disabled={busy}>
            Cancel
          </button>
        </span>
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
