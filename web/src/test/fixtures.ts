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

// Raw repositories: files at paths instead of modules (moduleCount and versionCount 0, fileCount beside them).

export function rawRepository(name: string, type: RepositoryType, extra: Partial<Repository> = {}): Repository {
  return repository(name, type, {
    format: "raw",
    ...(type === "proxy"
      ? { proxy: { ...proxyDefaults, upstream: "https://dl.example.com/releases/", checksumDatabases: [], metadataPaths: [], verifySidecar: null } }
      : {}),
    ...(type === "group" ? { fileCount: null } : { moduleCount: 0, versionCount: 0 }),
    ...extra,
  });
}

export const rawHosted = rawRepository("raw-hosted", "hosted", { fileCount: 4, storageBytes: 3 * 1024 * 1024 });

export const rawProxy = rawRepository("raw-proxy", "proxy", {
  url: "https://ah.example.com/repository/raw-proxy/",
  fileCount: 7,
  storageBytes: 2048,
  proxy: {
    ...proxyDefaults,
    upstream: "https://dl.example.com/releases/",
    checksumDatabases: [],
    metadataPaths: ["*.json", "*/"],
    verifySidecar: ".sha256",
  },
});

export const rawGroup = rawRepository("raw-group", "group", {
  url: "https://ah.example.com/repository/raw-group/",
  group: { members: ["raw-hosted", "raw-proxy"] },
});
