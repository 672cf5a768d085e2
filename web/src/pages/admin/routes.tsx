import type { ReactNode } from "react";
import { Outlet, Route } from "react-router-dom";
import { RequireSignIn } from "../../auth/RequireSignIn";
import { AdminIndexPage } from "./AdminIndexPage";
import { AuditPage } from "./audit/AuditPage";
import { RepositoriesAdminPage } from "./repositories/RepositoriesAdminPage";
import { RepositoryCreatePage, RepositoryEditPage } from "./repositories/RepositoryFormPage";
import { RoleCreatePage, RoleEditPage } from "./roles/RoleFormPage";
import { RolesPage } from "./roles/RolesPage";
import { SecuritySettingsPage } from "./settings/SecuritySettingsPage";
import { RequirePrivilege } from "./shared";
import { TokensPage } from "./tokens/TokensPage";
import { UserCreatePage, UserEditPage } from "./users/UserFormPage";
import { UsersPage } from "./users/UsersPage";

const repositories = (title: string, page: ReactNode) => (
  <RequirePrivilege privilege="repositories.manage" title={title}>
    {page}
  </RequirePrivilege>
);

const security = (title: string, page: ReactNode) => (
  <RequirePrivilege privilege="security.manage" title={title}>
    {page}
  </RequirePrivilege>
);

/** /admin/…: every page needs a signed-in user, and each the privilege of its section. */
export const adminRoutes = (
  <Route
    path="admin"
    element={
      <RequireSignIn>
        <div className="admin">
          <Outlet />
        </div>
      </RequireSignIn>
    }
  >
    <Route index element={<AdminIndexPage />} />
    <Route path="repositories" element={repositories("Manage repositories", <RepositoriesAdminPage />)} />
    <Route path="repositories/new" element={repositories("Create repository", <RepositoryCreatePage />)} />
    <Route path="repositories/:name/edit" element={repositories("Edit repository", <RepositoryEditPage />)} />
    <Route path="users" element={security("Users", <UsersPage />)} />
    <Route path="users/new" element={security("Create user", <UserCreatePage />)} />
    <Route path="users/:userName/edit" element={security("Edit user", <UserEditPage />)} />
    <Route path="roles" element={security("Roles", <RolesPage />)} />
    <Route path="roles/new" element={security("Create role", <RoleCreatePage />)} />
    <Route path="roles/:name/edit" element={security("Edit role", <RoleEditPage />)} />
    <Route path="tokens" element={security("Tokens", <TokensPage />)} />
    <Route path="settings" element={security("Security settings", <SecuritySettingsPage />)} />
    <Route
      path="audit"
      element={
        <RequirePrivilege privilege="audit.read" title="Audit log">
          <AuditPage />
        </RequirePrivilege>
      }
    />
  </Route>
);
