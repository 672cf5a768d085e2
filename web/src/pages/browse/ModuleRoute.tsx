import { useLocation, useParams } from "react-router-dom";
import { splitModuleVersion } from "../../components/paths";
import { ModulePage } from "./ModulePage";
import { VersionPage } from "./VersionPage";

/**
 * "repositories/:name/modules/*": a module path is the module page, "module@version" the version page. Split on the
 * path as the browser has it, still encoded (the router's own splat is decoded, and an '@' of the module path, sent as
 * %40, would look like the separator).
 */
export function ModuleRoute() {
  const name = useParams().name ?? "";
  const { pathname } = useLocation();
  const marker = "/modules/";
  const { module, version } = splitModuleVersion(pathname.slice(pathname.indexOf(marker) + marker.length));
  return version ? (
    <VersionPage key={`${name} ${module}@${version}`} repository={name} module={module} version={version} />
  ) : (
    <ModulePage key={`${name} ${module}`} repository={name} module={module} />
  );
}
