import { useState } from "react";
import { useLocation, useNavigate } from "react-router-dom";
import { useSession, type SignInState } from "../auth/SessionContext";
import { ErrorText } from "../components/ErrorText";
import { Field } from "../components/Field";
import { fieldMessage, restMessage } from "../components/formProblem";
import { useSubmit } from "../components/useSubmit";

const endedNotes = {
  expired: "Your session has ended: sign in again to go on.",
  required: "Sign in to see that page.",
};

export function SignInPage() {
  const { signIn, ended } = useSession();
  const navigate = useNavigate();
  const location = useLocation();
  const [userName, setUserName] = useState("");
  const [password, setPassword] = useState("");
  const { busy, problem, submit } = useSubmit();

  return (
    <section className="narrow">
      <h1>Sign in</h1>
      {ended && <p className="notice">{endedNotes[ended]}</p>}
      <form
        onSubmit={(e) =>
          submit(e, async () => {
            await signIn(userName, password);
            const from = (location.state as SignInState | null)?.from;
            navigate(from && from !== "/sign-in" ? from : "/repositories", { replace: true });
          })
        }
        noValidate
      >
        <Field id="sign-in-user" label="User name" error={fieldMessage(problem, "userName")}>
          {(a11y) => <input {...a11y} autoComplete="username" value={userName} onChange={(e) => setUserName(e.target.value)} autoFocus />}
        </Field>
        <Field id="sign-in-password" label="Password" error={fieldMessage(problem, "password")}>
          {(a11y) => (
            <input {...a11y} type="password" autoComplete="current-password" value={password} onChange={(e) => setPassword(e.target.value)} />
          )}
        </Field>
        <div className="form-actions">
          <button type="submit" disabled={busy}>
            Sign in
          </button>
          <ErrorText message={restMessage(problem, ["userName", "password"])} />
        </div>
      </form>
    </section>
  );
}
