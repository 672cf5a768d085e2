import { Route } from "react-router-dom";

// Placeholder: the browsing pages (repositories, repository, module, version, account) arrive here.
export const browseRoutes = <Route path="repositories" element={<h1>Repositories</h1>} />;
