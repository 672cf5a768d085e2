import { Route } from "react-router-dom";

// Placeholder: the administration pages arrive here.
export const adminRoutes = <Route path="admin" element={<h1>Administration</h1>} />;
