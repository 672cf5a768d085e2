import { Link } from "react-router-dom";

export function NotFoundPage() {
  return (
    <section>
      <h1>Page not found</h1>
      <p>
        There is no page here. <Link to="/repositories">Go to the repositories</Link>.
      </p>
    </section>
  );
}
