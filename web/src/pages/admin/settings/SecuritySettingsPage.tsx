import { useState, type FormEvent } from "react";
import { Link } from "react-router-dom";
import { getSecuritySettings, updateSecuritySettings, type SecuritySettings } from "../../../api/admin";
import { ErrorText } from "../../../components/ErrorText";
import { useApi } from "../../../components/useApi";
import { fieldMessage, problemOf, restMessage, type FormProblem } from "../errors";
import { CheckboxField, LoadError } from "../shared";

/** /admin/settings: the server-wide switch for anonymous access. */
export function SecuritySettingsPage() {
  const { data, error } = useApi((signal) => getSecuritySettings({ signal }), []);
  return (
    <section className="admin-form">
      <h1>Security settings</h1>
      <LoadError error={error} what="the security settings" />
      {!data && !error && <p>Loading…</p>}
      {data && <SettingsForm initial={data} />}
    </section>
  );
}

function SettingsForm({ initial }: { initial: SecuritySettings }) {
  const [anonymousAccess, setAnonymousAccess] = useState(initial.anonymousAccess);
  const [problem, setProblem] = useState<FormProblem | null>(null);
  const [saved, setSaved] = useState(false);
  const [busy, setBusy] = useState(false);

  async function onSubmit(event: FormEvent) {
    event.preventDefault();
    setBusy(true);
    setProblem(null);
    setSaved(false);
    try {
      const answer = await updateSecuritySettings({ anonymousAccess });
      setAnonymousAccess(answer.anonymousAccess);
      setSaved(true);
    } catch (e) {
      setProblem(problemOf(e));
    } finally {
      setBusy(false);
    }
  }

  return (
    <form onSubmit={onSubmit} noValidate>
      <CheckboxField
        id="settings-anonymous"
        label="Anonymous access"
        checked={anonymousAccess}
        onChange={(on) => {
          setAnonymousAccess(on);
          setSaved(false);
        }}
        error={fieldMessage(problem, "anonymousAccess")}
        help={
          <>
            On: callers without credentials get what the role <Link to="/admin/roles/anonymous/edit">anonymous</Link> allows, on
            repositories open to anonymous reading. Off: they get 401 everywhere but the health and OpenAPI endpoints.
          </>
        }
      />
      <div className="form-actions">
        <button type="submit" disabled={busy}>
          Save
        </button>
        <ErrorText message={restMessage(problem, ["anonymousAccess"])} />
        {saved && (
          <p role="status" className="muted">
            Saved.
          </p>
        )}
      </div>
    </form>
  );
}
