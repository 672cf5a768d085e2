import { useState } from "react";
import { useNavigate, useParams } from "react-router-dom";
import { createUser, getUser, listRoles, updateUser, type Role, type User, type UserRequest } from "../../../api/admin";
import { useSession } from "../../../auth/SessionContext";
import { ErrorText, LoadError } from "../../../components/ErrorText";
import { CheckboxField, Field } from "../../../components/Field";
import { fieldMessage, restMessage } from "../../../components/formProblem";
import { useApi } from "../../../components/useApi";
import { useSubmit } from "../../../components/useSubmit";
import { AdminForm, LoadedForEdit, type NoticeState } from "../shared";

/** /admin/users/new */
export function UserCreatePage() {
  return <UserForm />;
}

/** /admin/users/:userName/edit: the user's details and roles, and a separate form to set a new password. */
export function UserEditPage() {
  const { userName = "" } = useParams();
  const loaded = useApi((options) => getUser(userName, options), [userName]);
  return (
    <LoadedForEdit loaded={loaded} title={`Edit ${userName}`} what={`the user ${userName}`} back={{ to: "/admin/users", label: "Back to the users" }}>
      {(user) => (
        <>
          <UserForm key={user.userName} existing={user} />
          <PasswordForm user={user} />
        </>
      )}
    </LoadedForEdit>
  );
}

function UserForm({ existing }: { existing?: User }) {
  const navigate = useNavigate();
  const { me, reload } = useSession();
  const roles = useApi(listRoles, []);
  const [userName, setUserName] = useState(existing?.userName ?? "");
  const [displayName, setDisplayName] = useState(existing?.displayName ?? "");
  const [email, setEmail] = useState(existing?.email ?? "");
  const [password, setPassword] = useState("");
  const [chosen, setChosen] = useState<string[]>(existing?.roles ?? []);
  const [disabled, setDisabled] = useState(existing?.disabled ?? false);
  const { busy, problem, submit } = useSubmit();
  const error = (field: string, items = false) => fieldMessage(problem, field, { items });

  async function save() {
    const body: UserRequest = { displayName: displayName.trim(), email: email.trim(), roles: chosen, disabled };
    if (existing) {
      const answer = await updateUser(existing.userName, body);
      if (answer.userName === me?.userName) {
        await reload().catch(() => undefined); // my own roles may have changed what I may do
      }
      navigate("/admin/users", { state: { notice: `Saved ${answer.userName}.` } satisfies NoticeState });
    } else {
      const answer = await createUser({ ...body, userName: userName.trim(), password: password === "" ? undefined : password });
      navigate("/admin/users", { state: { notice: `Created ${answer.userName}.` } satisfies NoticeState });
    }
  }

  const assignable: Role[] = (roles.data ?? []).filter((r) => r.name !== "anonymous");
  // Roles the user holds that the list does not show (it failed to load) still count.
  const unknown = chosen.filter((name) => !assignable.some((r) => r.name === name));
  const rolesError = error("roles", true);
  return (
    <AdminForm
      title={existing ? `Edit ${existing.userName}` : "Create user"}
      back={{ to: "/admin/users", label: "Back to the users" }}
      submitLabel={existing ? "Save" : "Create user"}
      busy={busy}
      error={restMessage(problem, ["userName", "displayName", "email", "password", "roles", "disabled"])}
      onSubmit={(e) => submit(e, save)}
    >
      <Field
        id="user-name"
        label="User name"
        error={error("userName")}
        help={existing ? "A user cannot be renamed." : "1 to 64 of letters, digits, '.', '_', '-', '@', starting with a letter or digit."}
      >
        {(a11y) => (
          <input
            {...a11y}
            autoComplete="off"
            spellCheck={false}
            value={userName}
            readOnly={!!existing}
            onChange={(e) => setUserName(e.target.value)}
            autoFocus={!existing}
          />
        )}
      </Field>
      <Field id="user-display" label="Display name" error={error("displayName")}>
        {(a11y) => <input {...a11y} autoComplete="off" value={displayName} onChange={(e) => setDisplayName(e.target.value)} />}
      </Field>
      <Field id="user-email" label="Email" error={error("email")}>
        {(a11y) => <input {...a11y} type="email" autoComplete="off" value={email} onChange={(e) => setEmail(e.target.value)} />}
      </Field>
      {!existing && (
        <Field
          id="user-password"
          label="Password"
          error={error("password")}
          help="At least 12 characters. Leave empty for a service account, which signs in with API tokens only."
        >
          {(a11y) => <input {...a11y} type="password" autoComplete="new-password" value={password} onChange={(e) => setPassword(e.target.value)} />}
        </Field>
      )}
      <fieldset aria-describedby={rolesError ? "user-roles-error" : undefined}>
        <legend>Roles</legend>
        {roles.loading && !roles.data && <p>Loading the roles…</p>}
        <LoadError error={roles.error} what="the roles" />
        {[...assignable.map((r) => r.name), ...unknown].map((name) => {
          const role = assignable.find((r) => r.name === name);
          return (
            <CheckboxField
              key={name}
              id={`user-role-${name}`}
              label={name}
              help={role?.description ?? undefined}
              checked={chosen.includes(name)}
              onChange={(on) => setChosen((c) => (on ? [...c, name] : c.filter((n) => n !== name)))}
            />
          );
        })}
        <ErrorText id="user-roles-error" message={rolesError} />
      </fieldset>
      <CheckboxField
        id="user-disabled"
        label="Disabled"
        checked={disabled}
        onChange={setDisabled}
        error={error("disabled")}
        help="A disabled user can neither sign in nor use their tokens."
      />
    </AdminForm>
  );
}

/** Sets a new password (for a service account: gives it one, so it may sign in). */
function PasswordForm({ user }: { user: User }) {
  const [password, setPassword] = useState("");
  const [done, setDone] = useState(false);
  const { busy, problem, submit } = useSubmit();

  async function save() {
    setDone(false);
    await updateUser(user.userName, { password });
    setPassword("");
    setDone(true);
  }

  return (
    <section className="admin-form" aria-labelledby="reset-password">
      <h2 id="reset-password">Reset password</h2>
      {user.serviceAccount && (
        <p className="help">{user.userName} is a service account (no password); setting one lets it sign in with it.</p>
      )}
      <form onSubmit={(e) => submit(e, save)} noValidate>
        <Field id="user-new-password" label="New password" error={fieldMessage(problem, "password")} help="At least 12 characters.">
          {(a11y) => <input {...a11y} type="password" autoComplete="new-password" value={password} onChange={(e) => setPassword(e.target.value)} />}
        </Field>
        <div className="form-actions">
          <button type="submit" disabled={busy || password === ""}>
            Set password
          </button>
          <ErrorText message={restMessage(problem, ["password"])} />
          {done && (
            <p role="status" className="muted">
              The password is set.
            </p>
          )}
        </div>
      </form>
    </section>
  );
}
