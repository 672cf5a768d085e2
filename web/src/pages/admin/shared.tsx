// Pieces of the administration pages only: the privilege a page needs, a list row's Edit and Delete, the notice a list
// shows after a change made on another page, an edit page's loading step and its form's frame, and a textarea's lines. (Fields, confirmations, tables and paging are shared with the other pages: see components/.)

import type { FormEvent, ReactNode } from "react";
import { Link, useLocation } from "react-router-dom";
import { holds } from "../../api/session";
import { useSession } from "../../auth/SessionContext";
import { ActionNotice } from "../../components/ActionNotice";
import { ConfirmButton } from "../../components/ConfirmButton";
import { ErrorText, LoadError } from "../../components/ErrorText";

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

/** The notice the previous page left in the navigation state ("Saved go-proxy."), taking the focus the form had. */
export function FlashNotice() {
  const location = useLocation();
  return <ActionNotice message={(location.state as NoticeState | null)?.notice ?? null} />;
}

/** The non-empty lines of a textarea, trimmed. */
export function linesOf(text: string): string[] {
  return text
    .split(/\r?\n/)
    .map((line) => line.trim())
    .filter((line) => line.length > 0);
}

/**
 * An edit page's first step: the item loading, then the form (`children`); if it cannot be loaded, the page's heading,
 * why, and the way back to the list.
 */
export function LoadedForEdit<T>({ loaded, title, what, back, children }: {
  loaded: { data?: T; error: unknown; loading: boolean };
  title: string;
  what: string;
  back: { to: string; label: string };
  children(item: T): ReactNode;
}) {
  const { data, error, loading } = loaded;
  if (data !== undefined && !loading) {
    return <>{children(data)}</>;
  }
  if (loading) {
    return <p>Loading…</p>;
  }
  return (
    <section>
      <h1>{title}</h1>
      <LoadError error={error} what={what} />
      <p>
        <Link to={back.to}>{back.label}</Link>
      </p>
    </section>
  );
}

/** A list row's actions: "Edit" (a link to the edit page) and, unless `question` is null, "Delete" asking it first. */
export function EditAndDelete({ editTo, nameId, question, onDelete }: {
  editTo: string;
  /** The id of the element naming the row's item: both actions are described by it. */
  nameId: string;
  question: ReactNode | null;
  onDelete(): Promise<void>;
}) {
  return (
    <div className="row actions">
      <Link to={editTo} aria-describedby={nameId}>
        Edit
      </Link>
      {question !== null && <ConfirmButton label="Delete" confirmLabel="Yes, delete" describedBy={nameId} question={question} onConfirm={onDelete} />}
    </div>
  );
}

/**
 * A create or edit page's frame: its heading, the way back to the list, and the form with its submit button, beside
 * which go the messages that concern no field shown (`error`).
 */
export function AdminForm({ title, back, submitLabel, busy, error, onSubmit, children }: {
  title: string;
  back: { to: string; label: string };
  submitLabel: string;
  busy: boolean;
  error?: string;
  onSubmit(event: FormEvent<HTMLFormElement>): void;
  children: ReactNode;
}) {
  return (
    <section className="admin-form">
      <h1>{title}</h1>
      <p>
        <Link to={back.to}>{back.label}</Link>
      </p>
      <form onSubmit={onSubmit} noValidate>
        {children}
        <div className="form-actions">
          <button type="submit" disabled={busy}>
            {submitLabel}
          </button>
          <ErrorText message={error} />
        </div>
      </form>
    </section>
  );
}
