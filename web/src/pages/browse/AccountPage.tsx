import { useEffect, useRef, useState, type RefObject } from "react";
import { createToken, listMyTokens, revokeToken, tokenState, type Token, type TokenCreated } from "../../api/tokens";
import { useSession } from "../../auth/SessionContext";
import { ActionNotice } from "../../components/ActionNotice";
import { ConfirmButton } from "../../components/ConfirmButton";
import { CopyButton } from "../../components/CopyButton";
import { ErrorText, LoadError } from "../../components/ErrorText";
import { Field } from "../../components/Field";
import { fieldMessage, restMessage } from "../../components/formProblem";
import { formatTime } from "../../components/format";
import { ListTable } from "../../components/ListTable";
import { useApi } from "../../components/useApi";
import { useSubmit } from "../../components/useSubmit";

/** Who I am, and my API tokens: create one (its text shown once), revoke one (after a confirmation). */
export function AccountPage() {
  const { me } = useSession();
  const tokens = useApi(listMyTokens, []);
  const [created, setCreated] = useState<TokenCreated | null>(null);
  const [revoked, setRevoked] = useState<string | null>(null);
  const nameField = useRef<HTMLInputElement>(null);

  return (
    <section className="browse">
      <h1>Account</h1>
      {me && (
        <dl className="facts">
          <div>
            <dt>User name</dt>
            <dd>{me.userName}</dd>
          </div>
          {me.displayName && (
            <div>
              <dt>Name</dt>
              <dd>{me.displayName}</dd>
            </div>
          )}
          <div>
            <dt>Roles</dt>
            <dd>{me.roles.length > 0 ? me.roles.join(", ") : "none"}</dd>
          </div>
        </dl>
      )}
      <section aria-labelledby="tokens-heading">
        <h2 id="tokens-heading">API tokens</h2>
        <p className="muted">
          A token is a password for tools: the go command reads it from <code>~/.netrc</code>, curl sends it as a Bearer token
          or as the password of HTTP Basic. It can do what you can.
        </p>
        <CreateTokenForm
          nameField={nameField}
          onCreated={(token) => {
            setCreated(token);
            setRevoked(null);
            tokens.reload();
          }}
        />
        {created && (
          <NewToken
            token={created}
            onDone={() => {
              setCreated(null);
              nameField.current?.focus(); // the panel and its button are gone: back to where tokens are made
            }}
          />
        )}
        <ActionNotice message={revoked} />
        <LoadError error={tokens.error} what="your tokens" />
        {tokens.data && (
          <TokenTable
            tokens={tokens.data}
            onRevoke={async (token) => {
              await revokeToken(token.id);
              setRevoked(`Revoked “${token.name}”.`);
              tokens.reload();
            }}
          />
        )}
      </section>
    </section>
  );
}

function CreateTokenForm({ onCreated, nameField }: { onCreated(token: TokenCreated): void; nameField: RefObject<HTMLInputElement | null> }) {
  const [name, setName] = useState("");
  const [days, setDays] = useState("");
  const { busy, problem, submit } = useSubmit();
  const daysError = fieldMessage(problem, "expiresInDays") ?? fieldMessage(problem, "expiresAt");

  return (
    <form
      className="token-form"
      onSubmit={(e) =>
        submit(e, async () => {
          const expiresInDays = days.trim() === "" ? undefined : Number(days);
          const token = await createToken({ name: name.trim(), expiresInDays });
          setName("");
          setDays("");
          onCreated(token);
        })
      }
      noValidate
    >
      <Field id="token-name" label="Token name" error={fieldMessage(problem, "name")}>
        {(a11y) => (
          <input {...a11y} ref={nameField} value={name} onChange={(e) => setName(e.target.value)} maxLength={128} placeholder="laptop go command" />
        )}
      </Field>
      <Field id="token-days" label="Expires in days" error={daysError} help="Optional, 1 to 3650; empty: it never expires.">
        {(a11y) => (
          <input {...a11y} type="number" inputMode="numeric" min={1} max={3650} value={days} onChange={(e) => setDays(e.target.value)} />
        )}
      </Field>
      <div className="form-actions">
        <button type="submit" disabled={busy}>
          Create token
        </button>
        <ErrorText message={restMessage(problem, ["name", "expiresInDays", "expiresAt"])} />
      </div>
    </form>
  );
}

/** The token's text, this once: the server keeps only its hash. It takes the focus, selected, ready to copy. */
function NewToken({ token, onDone }: { token: TokenCreated; onDone(): void }) {
  const field = useRef<HTMLInputElement>(null);
  useEffect(() => {
    field.current?.focus();
    field.current?.select();
  }, [token]);
  return (
    <div className="panel new-token">
      <label htmlFor="new-token">New token</label>
      <div className="row">
        <input id="new-token" ref={field} readOnly value={token.token} onFocus={(e) => e.target.select()} className="token-text" aria-describedby="new-token-note" />
        <CopyButton text={token.token} label="Copy token" />
      </div>
      <p id="new-token-note">
        “{token.name}” {token.expiresAt ? `expires ${formatTime(token.expiresAt)}` : "never expires"}. Copy it now: it will not
        be shown again.
      </p>
      <button type="button" className="secondary" onClick={onDone}>
        Done
      </button>
    </div>
  );
}

function TokenTable({ tokens, onRevoke }: { tokens: Token[]; onRevoke(token: Token): Promise<void> }) {
  if (tokens.length === 0) {
    return <p className="muted">You have no API tokens.</p>;
  }
  return (
    <ListTable caption="My API tokens" columns={["Name", "Starts with", "Created", "Expires", "Last used", "State", { label: "Actions", hidden: true }]}>
      {tokens.map((t) => {
        const state = tokenState(t);
        return (
          <tr key={t.id}>
            <th scope="row" id={`my-token-${t.id}`}>
              {t.name}
            </th>
            <td>
              <code>{t.prefix}…</code>
            </td>
            <td>{formatTime(t.createdAt)}</td>
            <td>{t.expiresAt ? formatTime(t.expiresAt) : "never"}</td>
            <td>{t.lastUsedAt ? formatTime(t.lastUsedAt) : "never"}</td>
            <td>
              <span className={state === "Active" ? "badge online" : "badge offline"}>{state}</span>
            </td>
            <td className="actions">
              {!t.revoked && (
                <ConfirmButton
                  label="Revoke"
                  confirmLabel="Yes, revoke"
                  describedBy={`my-token-${t.id}`}
                  question={<>Revoke “{t.name}”? Tools using it stop working at once.</>}
                  onConfirm={() => onRevoke(t)}
                />
              )}
            </td>
          </tr>
        );
      })}
    </ListTable>
  );
}
