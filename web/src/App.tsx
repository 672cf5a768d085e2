import { Navigate, Route, Routes } from "react-router-dom";
import { Layout } from "./components/Layout";
import { SignInPage } from "./pages/SignInPage";
import { NotFoundPage } from "./pages/NotFoundPage";
import { browseRoutes } from "./pages/browse/routes";
import { adminRoutes } from "./pages/admin/routes";

/** Every page, under /ui/ on the server. Browsing (pages/browse) and administration (pages/admin) bring their own routes. */
export function App() {
  return (
    <Routes>
      <Route element={<Layout />}>
        <Route index element={<Navigate to="/repositories" replace />} />
        <Route path="sign-in" element={<SignInPage />} />
        {browseRoutes}
        {adminRoutes}
        <Route path="*" element={<NotFoundPage />} />
      </Route>
    </Routes>
  );
}
