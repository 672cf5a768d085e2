import { Link } from "react-router-dom";
import { modulePath, repositoryPath } from "../../components/paths";

/** Repositories › repository › module: the way back up from a module or a version. */
export function Breadcrumb({ repository, module }: { repository: string; module?: string }) {
  return (
    <nav aria-label="Breadcrumb" className="breadcrumb">
      <Link to="/repositories">Repositories</Link>
      <span aria-hidden="true"> › </span>
      <Link to={repositoryPath(repository)}>{repository}</Link>
      {module && (
        <>
          <span aria-hidden="true"> › </span>
          <Link to={modulePath(repository, module)}>{module}</Link>
        </>
      )}
    </nav>
  );
}
