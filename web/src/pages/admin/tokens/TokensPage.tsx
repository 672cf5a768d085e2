import { useState } from "react";
import { listAllTokens, revokeToken, type Token } from "../../../api/admin";
import { formatTime } from "../../../components/format";
import { Pager } from "../../../components/Pager";
import { useApi } from "../../../components/useApi";
import { clampPage, ConfirmButton, LoadError, pageOf } from "../shared";

const pageSize = 25;

/** /admin/tokens: every user's API tokens (the server hands them over whole; they are paged here). */
export function TokensPage() {
  const { data, error, loading, reload } = useApi((signal) => listAllTokens({ signal }), []);
  const [page, setPage] = useState(1);
  const [user, setUser] = useState("");
  const [showRevoked, setShowRevoked] = useState(false);
  const [revoked, setRevoked] = useState<string | null>(null);

  const filter = user.trim().toLowerCase();
  const tokens = (data ?? []).filter((t) => (showRevoked || !t.revoked) && (!filter || t.userName.toLowerCase().includes(filter)));
  const current = clampPage(page, tokens.length, pageSize);

  return (
    <section>
      <h1>Tokens</h1>
      <p className="muted">Every user's API tokens, newest first. A token's text is shown once, to its owner, when it is created.</p>
      <form className="inline" role="search" onSubmit={(e) => e.preventDefault()}>
        <label htmlFor="tokens-user">Filter by user</label>
        <input
          id="tokens-user"
          type="search"
          value={user}
          onChange={(e) => {
            setUser(e.target.value);
            setPage(1);
          }}
        />
        <span className="check">
          <input
            id="tokens-revoked"
            type="checkbox"
            checked={showRevoked}
            onChange={(e) => {
              setShowRevoked(e.target.checked);
              setPage(1);
            }}
          />
          <label htmlFor="tokens-revoked">Show revoked tokens</label>
        </span>
      </form>
      {revoked && (
        <p className="notice" role="status">
          Revoked {revoked}.
        </p>
      )}
      <LoadError error={error} what="the tokens" />
      {loading && !data && <p>Loading…</p>}
      {data && tokens.length === 0 && <p className="muted">No tokens{filter ? " of a matching user" : ""}.</p>}
      {tokens.length > 0 && (
        <div className="table-wrap">
          <table>
            <thead>
              <tr>
                <th scope="col">User</th>
                <th scope="col">Name</th>
                <th scope="col">Prefix</th>
                <th scope="col">Scope</th>
                <th scope="col">Created</th>
                <th scope="col">Expires</th>
                <th scope="col">Last used</th>
                <th scope="col">Actions</th>
              </tr>
            </thead>
            <tbody>
              {pageOf(tokens, current, pageSize).map((t) => (
                <TokenRow
                  key={t.id}
                  token={t}
                  onRevoke={async () => {
                    await revokeToken(t.id);
                    setRevoked(`${t.userName}'s token \u201c${t.name}\u201d`);
                    reload();
                  }}
                />
              ))}
            </tbody>
          </table>
        </div>
      )}
      <Pager page={current} pageSize={pageSize} total={tokens.length} onPage={setPage} label="Token pages" />
    </section>
  );
}

function TokenRow({ token: t, onRevoke }: { token: Token; onRevoke(): Promise<void> }) {
  const expired = !!t.expiresAt && new Date(t.expiresAt).getTime() < Date.now();
  return (
    <tr className={t.revoked ? "muted" : undefined}>
      <td id={`token-${t.id}-user`}>{t.userName}</td>
      <td id={`token-${t.id}`}>{t.name}</td>
      <td>
        <code>{t.prefix}…</code>
      </td>
      <td>{t.scope ? t.scope.map((s) => <code key={s}>{s} </code>) : <span className="muted">all of the user's privileges</span>}</td>
      <td>{formatTime(t.createdAt)}</td>
      <td>
        {t.expiresAt ? formatTime(t.expiresAt) : "never"}
        {expired && <span className="badge offline"> Expired</span>}
      </td>
      <td>{t.lastUsedAt ? formatTime(t.lastUsedAt) : "never"}</td>
      <td>
        {t.revoked ? (
          <span>Revoked {formatTime(t.revokedAt)}</span>
        ) : (
          <ConfirmButton
            label="Revoke"
            confirmLabel="Yes, revoke"
            describedBy={`token-${t.id} token-${t.id}-user`}
            question={
              <>
                Revoke <strong>{t.name}</strong> of {t.userName}? Anything using it stops working.
              </>
            }
            onConfirm={onRevoke}
          />
        )}
      </td>
    </tr>
  );
}
