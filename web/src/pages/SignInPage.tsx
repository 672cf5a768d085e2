import { useState, type FormEvent } from "react";
import { useLocation, useNavigate } from "react-router-dom";
import { ApiError, messageOf } from "../api/client";
import { useSession } from "../auth/SessionContext";
import { ErrorText } from "../components/ErrorText";

export function SignInPage() {
  const { signIn } = useSession();
  const navigate = useNavigate();
  const location = useLocation();
  const [userName, setUserName] = useState("");
  const [password, setPassword] = useState("");
  const [error, setError] = useState<ApiError | null>(null);
  const [other, setOther] = useState<string | null>(null);
  const [busy, setBusy] = useState(false);

  async function onSubmit(event: FormEvent) {
    event.preventDefault();
    setBusy(true);
    setError(null);
    setOther(null);
    try {
      await signIn(userName, password);
      const from = (location.state as { from?: string } | null)?.from;
      navigate(from && from !== "/sign-in" ? from : "/repositories", { replace: true });
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

  const userError = error?.forField("userName");
  const passwordError = error?.forField("password");
  return (
    <section className="narrow">
      <h1>Sign in</h1>
      <form onSubmit={onSubmit} noValidate>
        <label htmlFor="sign-in-user">User name</label>
        <input
          id="sign-in-user"
          autoComplete="username"
          value={userName}
          onChange={(e) => setUserName(e.target.value)}
          aria-invalid={!!userError}
          aria-describedby={userError ? "sign-in-user-error" : undefined}
          autoFocus
        />
        <ErrorText id="sign-in-user-error" message={userError} />
        <label htmlFor="sign-in-password">Password</label>
        <input
          id="sign-in-password"
          type="password"
          autoComplete="current-password"
          value={password}
          onChange={(e) => setPassword(e.target.value)}
          aria-invalid={!!passwordError}
          aria-describedby={passwordError ? "sign-in-password-error" : undefined}
        />
        <ErrorText id="sign-in-password-error" message={passwordError} />
        <button type="submit" disabled={busy}>
          Sign in
        </button>
        <ErrorText message={error ? error.unclaimed(["userName", "password"]) : other} />
      </form>
    </section>
  );
}
