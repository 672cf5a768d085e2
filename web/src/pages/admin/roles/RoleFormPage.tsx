import { useState, type FormEvent } from "react";
import { Link, useNavigate, useParams } from "react-router-dom";
import { createRole, getRole, globalPrivileges, updateRole, type Role } from "../../../api/admin";
import { useSession } from "../../../auth/SessionContext";
import { ErrorText } from "../../../components/ErrorText";
import { useApi } from "../../../components/useApi";
import { fieldMessage, linesOf, problemOf, restMessage, type FormProblem } from "../errors";
import { Field, LoadError, type NoticeState } from "../shared";

/** /admin/roles/new */
export function RoleCreatePage() {
  return <RoleForm />;
}

/** /admin/roles/:name/edit */
export function RoleEditPage() {
  const { name = "" } = useParams();
  const { data, error, loading } = useApi((signal) => getRole(name, { signal }), [name]);
  if (error || (!data && !loading)) {
    return (
      <section>
        <h1>Edit role {name}</h1>
        <LoadError error={error} what={`the role ${name}`} />
        <p>
          <Link to="/admin/roles">Back to the roles</Link>
        </p>
      </section>
    );
  }
  if (!data) {
    return <p>Loading…</p>;
  }
  return <RoleForm key={data.name} existing={data} />;
}

function RoleForm({ existing }: { existing?: Role }) {
  const navigate = useNavigate();
  const { me, reload } = useSession();
  const [name, setName] = useState(existing?.name ?? "");
  const [description, setDescription] = useState(existing?.description ?? "");
  const [privileges, setPrivileges] = useState((existing?.privileges ?? []).join("\n"));
  const [problem, setProblem] = useState<FormProblem | null>(null);
  const [busy, setBusy] = useState(false);

  async function onSubmit(event: FormEvent) {
    event.preventDefault();
    setBusy(true);
    setProblem(null);
    const body = { name: name.trim(), description: description.trim(), privileges: linesOf(privileges) };
    try {
      const answer = existing ? await updateRole(existing.name, body) : await createRole(body);
      if (existing && me?.roles.includes(existing.name)) {
        await reload().catch(() => undefined); // what I may do may have changed
      }
      navigate("/admin/roles", { state: { notice: `${existing ? "Saved" : "Created"} role ${answer.name}.` } satisfies NoticeState });
    } catch (e) {
      setProblem(problemOf(e));
    } finally {
      setBusy(false);
    }
  }

  return (
    <section className="admin-form">
      <h1>{existing ? `Edit role ${existing.name}` : "Create role"}</h1>
      <p>
        <Link to="/admin/roles">Back to the roles</Link>
      </p>
      <form onSubmit={onSubmit} noValidate>
        <Field
          id="role-name"
          label="Name"
          error={fieldMessage(problem, "name")}
          help={existing?.builtIn ? "A built-in role keeps its name." : "1 to 64 of letters, digits, '.', '_', '-', '@', starting with a letter or digit."}
        >
          {(a11y) => (
            <input
              {...a11y}
              autoComplete="off"
              spellCheck={false}
              value={name}
              readOnly={existing?.builtIn}
              onChange={(e) => setName(e.target.value)}
              autoFocus={!existing}
            />
          )}
        </Field>
        <Field id="role-description" label="Description" error={fieldMessage(problem, "description")}>
          {(a11y) => <input {...a11y} autoComplete="off" value={description} onChange={(e) => setDescription(e.target.value)} />}
        </Field>
        <Field
          id="role-privileges"
          label="Privileges"
          error={fieldMessage(problem, "privileges", { items: true })}
          help={
            <>
              One per line: <code>repository:&lt;name or glob&gt;:&lt;read|write|delete|admin&gt;</code> (e.g.{" "}
              <code>repository:go-*:read</code>; <code>*</code> any run of characters, <code>?</code> one; admin includes the
              others), or one of {globalPrivileges.map((p, i) => (
                <span key={p}>
                  {i > 0 && ", "}
                  <code>{p}</code>
                </span>
              ))}
              .
            </>
          }
        >
          {(a11y) => (
            <textarea
              {...a11y}
              rows={Math.max(4, privileges.split("\n").length + 1)}
              spellCheck={false}
              autoCapitalize="off"
              value={privileges}
              onChange={(e) => setPrivileges(e.target.value)}
            />
          )}
        </Field>
        <div className="form-actions">
          <button type="submit" disabled={busy}>
            {existing ? "Save" : "Create role"}
          </button>
          <ErrorText message={restMessage(problem, ["name", "description", "privileges"])} />
        </div>
      </form>
    </section>
  );
}
