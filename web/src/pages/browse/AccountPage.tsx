import { useEffect, useId, useRef, useState, type FormEvent } from "react";
import { createToken, listMyTokens, revokeToken, type Token, type TokenCreated } from "../../api/browse";
import { ApiError, messageOf } from "../../api/client";
import { useSession } from "../../auth/SessionContext";
import { CopyButton } from "../../components/CopyButton";
import { ErrorText } from "../../components/ErrorText";
import { formatTime } from "../../components/format";
import { useApi } from "../../components/useApi";

/** Who I am, and my API tokens: create one (its text shown once), revoke one (after a confirmation). */
export function AccountPage() {
  const { me } = useSession();
  const tokens = useApi((signal) => listMyTokens(signal), []);
  const [created, setCreated] = useState<TokenCreated | null>(null);

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
          onCreated={(token) => {
            setCreated(token);
            tokens.reload();
          }}
        />
        {created && <NewToken token={created} onDone={() => setCreated(null)} />}
        {tokens.error !== undefined && <ErrorText message={messageOf(tokens.error)} />}
        {tokens.data && <TokenTable tokens={tokens.data} onRevoked={tokens.reload} />}
      </section>
    </section>
  );
}

function CreateTokenForm({ onCreated }: { onCreated(token: TokenCreated): void }) {
  const [name, setName] = useState("");
  const [days, setDays] = useState("");
  const [error, setError] = useState<ApiError | null>(null);
  const [other, setOther] = useState<string | null>(null);
  const [busy, setBusy] = useState(false);
  const id = useId();

  async function onSubmit(event: FormEvent) {
    event.preventDefault();
    setBusy(true);
    setError(null);
    setOther(null);
    try {
      const expiresInDays = days.trim() === "" ? undefined : Number(days);
      const token = await createToken({ name: name.trim(), expiresInDays });
      setName("");
      setDays("");
      onCreated(token);
    } catch (e) {
      if (e instanceof ApiError) {
        setError(e);
      } else {
        setOther(messageOf(e));
      }
    } finally {
      setBusy(false);
    }
  }

  const nameError = error?.forField("name");
  const daysError = error?.forField("expiresInDays") ?? error?.forField("expiresAt");
  return (
    <form className="token-form" onSubmit={onSubmit} noValidate>
      <div className="field">
        <label htmlFor={`${id}-name`}>Token name</label>
        <input
          id={`${id}-name`}
          value={name}
          onChange={(e) => setName(e.target.value)}
          maxLength={128}
          placeholder="laptop go command"
          aria-invalid={nameError ? true : undefined}
          aria-describedby={nameError ? `${id}-name-error` : undefined}
        />
        <ErrorText id={`${id}-name-error`} message={nameError} />
      </div>
      <div className="field">
        <label htmlFor={`${id}-days`}>Expires in days</label>
        <input
          id={`${id}-days`}
          type="number"
          inputMode="numeric"
          min={1}
          max={3650}
          value={days}
          onChange={(e) => setDays(e.target.value)}
          aria-invalid={daysError ? true : undefined}
          aria-describedby={daysError ? `${id}-days-hint ${id}-days-error` : `${id}-days-hint`}
        />
        <span id={`${id}-days-hint`} className="muted hint">
          Optional, 1 to 3650; empty: it never expires.
        </span>
        <ErrorText id={`${id}-days-error`} message={daysError} />
      </div>
      <div className="field">
        <button type="submit" disabled={busy}>
          Create token
        </button>
        <ErrorText message={error ? error.unclaimed(["name", "expiresInDays", "expiresAt"]) : other} />
      </div>
    </form>
  );
}

/** The token's text, this once: the server keeps only its hash. */
function NewToken({ token, onDone }: { token: TokenCreated; onDone(): void }) {
  const field = useRef<HTMLInputElement>(null);
  useEffect(() => {
    field.current?.focus();
    field.current?.select();
  }, [token]);
  return (
    <div className="panel new-token">
      <label htmlFor="new-token">
        New token
      </label>
      <div className="row">
        <input id="new-token" ref={field} readOnly value={token.token} onFocus={(e) => e.target.select()} className="token-text" />
        <CopyButton text={token.token} label="Copy token" />
      </div>
      <p>
        “{token.name}” {token.expiresAt ? `expires ${formatTime(token.expiresAt)}` : "never expires"}. Copy it now: it will not
        be shown again.
      </p>
      <button type="button" className="secondary" onClick={onDone}>
        Done
      </button>
    </div>
  );
}

function TokenTable({ tokens, onRevoked }: { tokens: Token[]; onRevoked(): void }) {
  if (tokens.length === 0) {
    return <p className="muted">You have no API tokens.</p>;
  }
  return (
    <div className="table-wrap">
      <table>
        <caption className="visually-hidden">My API tokens</caption>
        <thead>
          <tr>
            <th scope="col">Name</th>
            <th scope="col">Starts with</th>
            <th scope="col">Created</th>
            <th scope="col">Expires</th>
            <th scope="col">Last used</th>
            <th scope="col">State</th>
            <th scope="col">
              <span className="visually-hidden">Actions</span>
            </th>
          </tr>
        </thead>
        <tbody>
          {tokens.map((t) => (
            <TokenRow key={t.id} token={t} onRevoked={onRevoked} />
          ))}
        </tbody>
      </table>
    </div>
  );
}

function TokenRow({ token: t, onRevoked }: { token: Token; onRevoked(): void }) {
  const [confirming, setConfirming] = useState(false);
  const [busy, setBusy] = useState(false);
  const [error, setError] = useState<string | null>(null);
  const confirmButton = useRef<HTMLButtonElement>(null);
  const revokeButton = useRef<HTMLButtonElement>(null);
  const expired = !t.revoked && !!t.expiresAt && new Date(t.expiresAt).getTime() <= Date.now();
  const state = t.revoked ? "Revoked" : expired ? "Expired" : "Active";

  useEffect(() => {
    if (confirming) {
      confirmButton.current?.focus();
    }
  }, [confirming]);

  function cancel() {
    setConfirming(false);
    setError(null);
    window.setTimeout(() => revokeButton.current?.focus());
  }

  async function revoke() {
    setBusy(true);
    setError(null);
    try {
      await revokeToken(t.id);
      setConfirming(false);
      onRevoked();
    } catch (e) {
      setError(messageOf(e));
    } finally {
      setBusy(false);
    }
  }

  return (
    <tr>
      <th scope="row">{t.name}</th>
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
        {!t.revoked &&
          (confirming ? (
            <div
              className="revoke-confirm"
              role="group"
              aria-label={`Revoke ${t.name}?`}
              onKeyDown={(e) => {
                if (e.key === "Escape" && !busy) {
                  cancel();
                }
              }}
            >
              <span>Revoke “{t.name}”? Tools using it stop working at once.</span>
              <div className="row">
                <button type="button" className="danger" ref={confirmButton} onClick={revoke} disabled={busy}>
                  Yes, revoke
                </button>
                <button type="button" className="secondary" onClick={cancel} disabled={busy}>
                  Cancel
                </button>
              </div>
            </div>
          ) : (
            <button type="button" className="secondary" ref={revokeButton} onClick={() => setConfirming(true)}>
              Revoke
            </button>
          ))}
        <ErrorText message={error} />
      </td>
    </tr>
  );
}
