import { ErrorText } from "../../../components/ErrorText";
import { Field } from "../../../components/Field";
import { fieldMessage, type FormProblem } from "../../../components/formProblem";
import { newRowKey, proxyNumbers, rawNumberHelp, type AuthChoice, type ChecksumDatabaseRow, type RepositoryFormState, type StoredAuth } from "./repositoryForm";

// Labels here avoid the words "Name", "Type" and "Online": the form's own fields are found by those labels.

/**
 * A proxy's settings: upstream, ages, allow/block lists, checksum databases (Go) or metadata paths and the checksum
 * sidecar (raw), and the credentials for the upstream.
 */
export function ProxySettingsFields({ form, set, problem, stored }: {
  form: RepositoryFormState;
  set(change: Partial<RepositoryFormState>): void;
  problem: FormProblem | null;
  /** What the server holds (editing), shown but never its secret. */
  stored: StoredAuth | null;
}) {
  const error = (field: string, items = false) => fieldMessage(problem, field, { items });
  const raw = form.format === "raw";

  function setRow(key: number, change: Partial<ChecksumDatabaseRow>) {
    set({ checksumDatabases: form.checksumDatabases.map((row) => (row.key === key ? { ...row, ...change } : row)) });
  }

  const keepsSecret = !!stored && stored.type === form.auth;
  // The password (basic) or token (bearer): never shown by the server, so empty keeps the stored one.
  const secretField = (kind: "password" | "token") => (
    <Field
      id={`repo-auth-${kind}`}
      label={`Upstream ${kind}`}
      error={error(`proxy.authentication.${kind}`)}
      help={keepsSecret ? `Leave empty to keep the stored ${kind}.` : undefined}
    >
      {(a11y) => <input {...a11y} type="password" autoComplete="new-password" value={form.authSecret} onChange={(e) => set({ authSecret: e.target.value })} />}
    </Field>
  );
  const authError = [error("proxy.authentication"), error("proxy.authentication.type")].filter(Boolean).join(" ") || undefined;

  return (
    <fieldset>
      <legend>Proxy settings</legend>
      <Field
        id="repo-upstream"
        label="Upstream URL"
        error={error("proxy.upstream")}
        help={raw ? "The web server to fetch files from, e.g. https://dl.example.com/releases/." : "The Go module proxy to fetch from, e.g. https://proxy.golang.org."}
      >
        {(a11y) => (
          <input
            {...a11y}
            type="url"
            inputMode="url"
            autoComplete="off"
            spellCheck={false}
            value={form.upstream}
            onChange={(e) => set({ upstream: e.target.value })}
          />
        )}
      </Field>
      <div className="field-grid">
        {proxyNumbers.map((n) => (
          <Field key={n.field} id={`repo-${n.field}`} label={n.label} help={(raw && rawNumberHelp[n.field]) || n.help} error={error(`proxy.${n.field}`)}>
            {(a11y) => (
              <input {...a11y} type="number" min={0} step={1} inputMode="numeric" value={form[n.field]} onChange={(e) => set({ [n.field]: e.target.value } as Partial<RepositoryFormState>)} />
            )}
          </Field>
        ))}
      </div>
      <Field
        id="repo-allow"
        label={raw ? "Allowed paths" : "Allowed module paths"}
        error={error("proxy.allow", true)}
        help={
          raw
            ? "One glob pattern per line (releases/*). Empty: every path that is not blocked."
            : "One pattern per line, as in GOPRIVATE (example.com/*). Empty: every path that is not blocked."
        }
      >
        {(a11y) => <textarea {...a11y} rows={3} spellCheck={false} value={form.allow} onChange={(e) => set({ allow: e.target.value })} />}
      </Field>
      <Field
        id="repo-block"
        label={raw ? "Blocked paths" : "Blocked module paths"}
        error={error("proxy.block", true)}
        help={
          raw
            ? "One glob pattern per line: never asked of the upstream."
            : "One pattern per line: never sent upstream, so private paths do not leak to a public proxy."
        }
      >
        {(a11y) => <textarea {...a11y} rows={3} spellCheck={false} value={form.block} onChange={(e) => set({ block: e.target.value })} />}
      </Field>

      {raw ? (
        <>
          <Field
            id="repo-metadata-paths"
            label="Metadata paths"
            error={error("proxy.metadataPaths", true)}
            help="One glob pattern per line (*.json, or */ for directory listings): fetched again once older than the metadata max age. Every other file is cached for good."
          >
            {(a11y) => (
              <textarea {...a11y} rows={3} spellCheck={false} value={form.metadataPaths} onChange={(e) => set({ metadataPaths: e.target.value })} />
            )}
          </Field>
          <Field
            id="repo-verify-sidecar"
            label="Checksum sidecar suffix"
            error={error("proxy.verifySidecar")}
            help="E.g. .sha256: every downloaded file is checked against the checksum file at its path plus this suffix upstream. Empty: not checked."
          >
            {(a11y) => (
              <input
                {...a11y}
                autoComplete="off"
                spellCheck={false}
                placeholder=".sha256"
                value={form.verifySidecar}
                onChange={(e) => set({ verifySidecar: e.target.value })}
              />
            )}
          </Field>
        </>
      ) : (
        <fieldset className="sumdbs">
          <legend>Checksum databases</legend>
          <p className="help" id="repo-sumdb-help">
            Answered under <code>sumdb/&lt;host&gt;/</code> and forwarded to their URL. None: the go command asks the databases itself.
          </p>
          {form.checksumDatabases.map((row, i) => (
            <fieldset key={row.key} className="sumdb">
              <legend>Checksum database {i + 1}</legend>
              <div className="field-grid">
                <Field id={`repo-sumdb-${row.key}-host`} label="Host" help="The GOSUMDB name, e.g. sum.golang.org." error={error(`proxy.checksumDatabases[${i}].name`)}>
                  {(a11y) => <input {...a11y} spellCheck={false} value={row.name} onChange={(e) => setRow(row.key, { name: e.target.value })} />}
                </Field>
                <Field id={`repo-sumdb-${row.key}-url`} label="Forward to URL" error={error(`proxy.checksumDatabases[${i}].url`)}>
                  {(a11y) => <input {...a11y} type="url" spellCheck={false} value={row.url} onChange={(e) => setRow(row.key, { url: e.target.value })} />}
                </Field>
                <Field
                  id={`repo-sumdb-${row.key}-age`}
                  label="Latest max age (seconds)"
                  error={error(`proxy.checksumDatabases[${i}].latestMaxAgeSeconds`)}
                >
                  {(a11y) => (
                    <input
                      {...a11y}
                      type="number"
                      min={0}
                      step={1}
                      inputMode="numeric"
                      value={row.latestMaxAgeSeconds}
                      onChange={(e) => setRow(row.key, { latestMaxAgeSeconds: e.target.value })}
                    />
                  )}
                </Field>
                <Field
                  id={`repo-sumdb-${row.key}-key`}
                  label="Verifier key"
                  help="The value of GOSUMDB (name+hash+key) that checks its signed tree heads."
                  error={error(`proxy.checksumDatabases[${i}].key`)}
                >
                  {(a11y) => <input {...a11y} spellCheck={false} value={row.verifierKey} onChange={(e) => setRow(row.key, { verifierKey: e.target.value })} />}
                </Field>
              </div>
              <button
                type="button"
                className="secondary"
                onClick={() => set({ checksumDatabases: form.checksumDatabases.filter((r) => r.key !== row.key) })}
              >
                Remove checksum database {i + 1}
              </button>
            </fieldset>
          ))}
          <ErrorText message={error("proxy.checksumDatabases")} />
          <button
            type="button"
            className="secondary"
            onClick={() =>
              set({ checksumDatabases: [...form.checksumDatabases, { key: newRowKey(), name: "", url: "", latestMaxAgeSeconds: "60", verifierKey: "" }] })
            }
          >
            Add checksum database
          </button>
        </fieldset>
      )}

      <fieldset>
        <legend>Upstream authentication</legend>
        {stored && (
          <p className="help" id="repo-auth-stored">
            Stored: {stored.type === "basic" ? `basic, as ${stored.username ?? "?"}` : stored.type}. The server never shows the{" "}
            {stored.type === "basic" ? "password" : "token"}; leave it empty to keep it.
          </p>
        )}
        <Field id="repo-auth" label="Upstream authentication" error={authError}>
          {(a11y) => (
            <select {...a11y} value={form.auth} onChange={(e) => set({ auth: e.target.value as AuthChoice, authSecret: "" })}>
              <option value="none">{stored ? "None (remove the stored credentials)" : "None"}</option>
              <option value="basic">Basic (user and password)</option>
              <option value="bearer">Bearer token</option>
            </select>
          )}
        </Field>
        {form.auth === "basic" && (
          <>
            <Field id="repo-auth-user" label="Upstream user" error={error("proxy.authentication.username")}>
              {(a11y) => (
                <input {...a11y} autoComplete="off" spellCheck={false} value={form.authUsername} onChange={(e) => set({ authUsername: e.target.value })} />
              )}
            </Field>
            {secretField("password")}
          </>
        )}
        {form.auth === "bearer" && secretField("token")}
      </fieldset>
    </fieldset>
  );
}
