import { useState } from "react";
import { Link } from "react-router-dom";
import { getSecuritySettings, updateSecuritySettings, type SecuritySettings } from "../../../api/admin";
import { ErrorText, LoadError } from "../../../components/ErrorText";
import { CheckboxField } from "../../../components/Field";
import { fieldMessage, restMessage } from "../../../components/formProblem";
import { useApi } from "../../../components/useApi";
import { useSubmit } from "../../../components/useSubmit";

/** /admin/settings: the server-wide switch for anonymous access. */
export function SecuritySettingsPage() {
  const { data, error } = useApi(getSecuritySettings, []);
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
  const [saved, setSaved] = useState(false);
  const { busy, problem, submit } = useSubmit();

  async function save() {
    setSaved(false);
    const answer = await updateSecuritySettings({ anonymousAccess });
    setAnonymousAccess(answer.anonymousAccess);
    setSaved(true);
  }

  return (
    <form onSubmit={(e) => submit(e, save)} noValidate>
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
