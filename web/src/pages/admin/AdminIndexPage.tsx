import { Link } from "react-router-dom";
import { holds } from "../../api/session";
import { useSession } from "../../auth/SessionContext";

interface Section {
  to: string;
  label: string;
  privilege: string;
  what: string;
}

const sections: Section[] = [
  { to: "/admin/repositories", label: "Repositories", privilege: "repositories.manage", what: "Create, change and delete hosted, proxy and group repositories." },
  { to: "/admin/users", label: "Users", privilege: "security.manage", what: "Accounts and service accounts: roles, passwords, disabling." },
  { to: "/admin/roles", label: "Roles", privilege: "security.manage", what: "Named sets of privileges given to users." },
  { to: "/admin/tokens", label: "Tokens", privilege: "security.manage", what: "Every user's API tokens; revoke those no longer needed." },
  { to: "/admin/settings", label: "Security settings", privilege: "security.manage", what: "Whether callers without credentials may read." },
  { to: "/admin/audit", label: "Audit log", privilege: "audit.read", what: "Who changed what, and when." },
];

/** /admin: the sections the signed-in user may use. */
export function AdminIndexPage() {
  const { me } = useSession();
  const mine = sections.filter((s) => holds(me, s.privilege));
  return (
    <section>
      <h1>Administration</h1>
      {mine.length === 0 ? (
        <p className="notice">
          You hold none of the administration privileges (<code>repositories.manage</code>, <code>security.manage</code>,{" "}
          <code>audit.read</code>).
        </p>
      ) : (
        <ul className="admin-sections">
          {mine.map((s) => (
            <li key={s.to}>
              <Link to={s.to}>{s.label}</Link>
              <span className="muted"> {s.what}</span>
            </li>
          ))}
        </ul>
      )}
    </section>
  );
}
