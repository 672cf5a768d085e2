import { Route } from "react-router-dom";
import { RequireSignIn } from "../../auth/RequireSignIn";
import { AccountPage } from "./AccountPage";
import { ModuleRoute } from "./ModuleRoute";
import { RepositoriesPage } from "./RepositoriesPage";
import { RepositoryPage } from "./RepositoryPage";

/** The browsing pages and the account page, relative to the layout (under /ui/). */
export const browseRoutes = (
  <>
    <Route path="repositories" element={<RepositoriesPage />} />
    <Route path="repositories/:name" element={<RepositoryPage />} />
    <Route path="repositories/:name/modules/*" element={<ModuleRoute />} />
    <Route
      path="account"
      element={
        <RequireSignIn>
          <AccountPage />
        </RequireSignIn>
      }
    />
  </>
);
