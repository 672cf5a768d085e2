import { proxyDefaults, type Repository, type RepositoryType } from "../api/repositories";

// Repositories as the API answers them, for the tests of the browsing and the administration pages.

export function repository(name: string, type: RepositoryType, extra: Partial<Repository> = {}): Repository {
  return {
    name,
    format: "go",
    type,
    online: true,
    anonymousRead: true,
    url: `http://localhost:8081/repository/${name}/`,
    createdAt: "2026-01-02T03:04:05Z",
    updatedAt: "2026-01-02T03:04:05Z",
    ...(type === "hosted" ? { hosted: { writePolicy: "allow-once" as const } } : {}),
    ...(type === "proxy" ? { proxy: { ...proxyDefaults, upstream: "https://proxy.golang.org" } } : {}),
    ...(type === "group" ? { group: { members: [] }, moduleCount: null, versionCount: null, storageBytes: null } : {}),
    ...extra,
  };
}

export const hosted = repository("go-hosted", "hosted", { moduleCount: 3, versionCount: 5, storageBytes: 1536 });

export const proxy = repository("go-proxy", "proxy", {
  url: "https://ah.example.com/repository/go-proxy/",
  moduleCount: 12,
  versionCount: 20,
  storageBytes: 5 * 1024 * 1024,
});

export const group = repository("go-group", "group", {
  online: false,
  url: "https://ah.example.com/repository/go-group/",
  group: { members: ["go-hosted", "go-proxy"] },
});
