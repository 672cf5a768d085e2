import { useState } from "react";
import { useNavigate, useParams } from "react-router-dom";
import { createRole, getRole, globalPrivileges, updateRole, type Role } from "../../../api/admin";
import { useSession } from "../../../auth/SessionContext";
import { Field } from "../../../components/Field";
import { fieldMessage, restMessage } from "../../../components/formProblem";
import { useApi } from "../../../components/useApi";
import { useSubmit } from "../../../components/useSubmit";
import { AdminForm, linesOf, LoadedForEdit, type NoticeState } from "../shared";

/** /admin/roles/new */
export function RoleCreatePage() {
  return <RoleForm />;
}

/** /admin/roles/:name/edit */
export function RoleEditPage() {
  const { name = "" } = useParams();
  const loaded = useApi((options) => getRole(name, options), [name]);
  return (
    <LoadedForEdit loaded={loaded} title={`Edit role ${name}`} what={`the role ${name}`} back={{ to: "/admin/roles", label: "Back to the roles" }}>
      {(role) => <RoleForm key={role.name} existing={role} />}
    </LoadedForEdit>
  );
}

function RoleForm({ existing }: { existing?: Role }) {
  const navigate = useNavigate();
  const { me, reload } = useSession();
  const [name, setName] = useState(existing?.name ?? "");
  const [description, setDescription] = useState(existing?.description ?? "");
  const [privileges, setPrivileges] = useState((existing?.privileges ?? []).join("\n"));
  const { busy, problem, submit } = useSubmit();

  async function save() {
    const body = { name: name.trim(), description: description.trim(), privileges: linesOf(privileges) };
    const answer = existing ? await updateRole(existing.name, body) : await createRole(body);
    if (existing && me?.roles.includes(existing.name)) {
      await reload().catch(() => undefined); // what I may do may have changed; the page shows it on the next load anyway
    }
    navigate("/admin/roles", { state: { notice: `${existing ? "Saved" : "Created"} role ${answer.name}.` } satisfies NoticeState });
  }

  return (
    <AdminForm
      title={existing ? `Edit role ${existing.name}` : "Create role"}
      back={{ to: "/admin/roles", label: "Back to the roles" }}
      submitLabel={existing ? "Save" : "Create role"}
      busy={busy}
      error={restMessage(problem, ["name", "description", "privileges"])}
      onSubmit={(e) => submit(e, save)}
    >
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
    </AdminForm>
  );
}
