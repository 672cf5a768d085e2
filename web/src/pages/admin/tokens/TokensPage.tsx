import { useState } from "react";
import { listAllTokens, revokeToken, tokenState, type Token } from "../../../api/tokens";
import { ActionNotice } from "../../../components/ActionNotice";
import { ConfirmButton } from "../../../components/ConfirmButton";
import { LoadError } from "../../../components/ErrorText";
import { formatTime } from "../../../components/format";
import { ListTable } from "../../../components/ListTable";
import { Pager } from "../../../components/Pager";
import { SearchBox } from "../../../components/SearchBox";
import { useApi } from "../../../components/useApi";
import { useLocalPages } from "../../../components/useLocalPages";

const pageSize = 25;

/** /admin/tokens: every user's API tokens (the server hands them over whole; they are filtered and paged here). */
export function TokensPage() {
  const { data, error, loading, reload } = useApi(listAllTokens, []);
  const [user, setUser] = useState("");
  const [showRevoked, setShowRevoked] = useState(false);
  const [revoked, setRevoked] = useState<string | null>(null);

  const filter = user.trim().toLowerCase();
  const tokens = (data ?? []).filter((t) => (showRevoked || !t.revoked) && (!filter || t.userName.toLowerCase().includes(filter)));
  const { shown, setPage, pager } = useLocalPages(tokens, pageSize);

  return (
    <section>
      <h1>Tokens</h1>
      <p className="muted">Every user's API tokens, newest first. A token's text is shown once, to its owner, when it is created.</p>
      <SearchBox
        id="tokens-user"
        label="Filter by user"
        value={user}
        onChange={(value) => {
          setUser(value);
          setPage(1);
        }}
      >
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
      </SearchBox>
      <ActionNotice message={revoked} />
      <LoadError error={error} what="the tokens" />
      {loading && !data && <p>Loading…</p>}
      {data && tokens.length === 0 && <p className="muted">No tokens{filter ? " of a matching user" : ""}.</p>}
      {shown.length > 0 && (
        <ListTable caption="Tokens" columns={["User", "Name", "Prefix", "Scope", "Created", "Expires", "Last used", "Actions"]}>
          {shown.map((t) => (
            <TokenRow
              key={t.id}
              token={t}
              onRevoke={async () => {
                await revokeToken(t.id);
                setRevoked(`Revoked ${t.userName}'s token \u201c${t.name}\u201d.`);
                reload();
              }}
            />
          ))}
        </ListTable>
      )}
      <Pager {...pager} label="Token pages" />
    </section>
  );
}

function TokenRow({ token: t, onRevoke }: { token: Token; onRevoke(): Promise<void> }) {
  return (
    <tr className={t.revoked ? "muted" : undefined}>
      <td id={`token-${t.id}-user`}>{t.userName}</td>
      <th scope="row" id={`token-${t.id}`}>
        {t.name}
      </th>
      <td>
        <code>{t.prefix}…</code>
      </td>
      <td>{t.scope ? t.scope.map((s) => <code key={s}>{s} </code>) : <span className="muted">all of the user's privileges</span>}</td>
      <td>{formatTime(t.createdAt)}</td>
      <td>
        {t.expiresAt ? formatTime(t.expiresAt) : "never"}
        {tokenState(t) === "Expired" && <span className="badge offline"> Expired</span>}
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
