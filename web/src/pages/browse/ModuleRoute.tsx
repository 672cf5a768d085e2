import { useParams } from "react-router-dom";
import { ModulePage } from "./ModulePage";
import { splitModuleVersion } from "./paths";
import { VersionPage } from "./VersionPage";

/** "repositories/:name/modules/*": a module path is the module page, "module@version" the version page. */
export function ModuleRoute() {
  const params = useParams();
  const name = params.name ?? "";
  const { module, version } = splitModuleVersion(params["*"] ?? "");
  return version ? (
    <VersionPage key={`${name} ${module}@${version}`} repository={name} module={module} version={version} />
  ) : (
    <ModulePage key={`${name} ${module}`} repository={name} module={module} />
  );
}
