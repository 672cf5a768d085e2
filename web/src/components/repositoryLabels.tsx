import type { RepositoryType } from "../api/repositories";

// How a repository's type and state read on every page.

export const repositoryTypes: { value: RepositoryType; label: string }[] = [
  { value: "hosted", label: "Hosted" },
  { value: "proxy", label: "Proxy" },
  { value: "group", label: "Group" },
];

export const typeLabel = (type: string) => repositoryTypes.find((t) => t.value === type)?.label ?? type;

export function OnlineBadge({ online }: { online: boolean }) {
  return <span className={online ? "badge online" : "badge offline"}>{online ? "Online" : "Offline"}</span>;
}
