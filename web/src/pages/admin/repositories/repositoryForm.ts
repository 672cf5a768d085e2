// The repository form's state (strings, as inputs hold them), made from a repository and turned into the request.

import {
  proxyDefaults,
  type ProxySettings,
  type Repository,
  type RepositoryRequest,
  type RepositoryType,
  type UpstreamAuthentication,
  type WritePolicy,
} from "../../../api/repositories";
import { linesOf } from "../shared";

/** A whole number typed into an input; else undefined. */
function wholeNumber(text: string): number | undefined {
  const trimmed = text.trim();
  return /^-?\d+$/.test(trimmed) ? Number(trimmed) : undefined;
}

export interface ChecksumDatabaseRow {
  /** Stable across edits, for React and ids. */
  key: number;
  name: string;
  url: string;
  latestMaxAgeSeconds: string;
  /** The database's verifier key; empty: not known. */
  verifierKey: string;
}

export type AuthChoice = "none" | "basic" | "bearer";

export interface RepositoryFormState {
  name: string;
  format: string;
  type: RepositoryType;
  online: boolean;
  anonymousRead: boolean;
  writePolicy: WritePolicy;
  upstream: string;
  metadataMaxAgeMinutes: string;
  negativeCacheMinutes: string;
  connectTimeoutSeconds: string;
  readTimeoutSeconds: string;
  /** One pattern per line. */
  allow: string;
  block: string;
  checksumDatabases: ChecksumDatabaseRow[];
  /** Raw proxies: one glob pattern per line. */
  metadataPaths: string;
  /** Raw proxies: the checksum file's suffix (".sha256"); empty: none. */
  verifySidecar: string;
  auth: AuthChoice;
  authUsername: string;
  /** The password (basic) or token (bearer): never filled from the server, which never shows it. */
  authSecret: string;
  members: string[];
}

/** The credentials the server holds for the upstream (type and user name only), when editing. */
export interface StoredAuth {
  type: string;
  username?: string | null;
}

let nextKey = 1;
export const newRowKey = () => nextKey++;

function rowsOf(proxy: ProxySettings): ChecksumDatabaseRow[] {
  return proxy.checksumDatabases.map((d) => ({
    key: newRowKey(),
    name: d.name,
    url: d.url,
    latestMaxAgeSeconds: String(d.latestMaxAgeSeconds),
    verifierKey: d.key ?? "",
  }));
}

export function emptyForm(): RepositoryFormState {
  return {
    name: "",
    format: "go",
    type: "hosted",
    online: true,
    anonymousRead: true,
    writePolicy: "allow-once",
    ...proxyFields(proxyDefaults),
    auth: "none",
    authUsername: "",
    authSecret: "",
    members: [],
  };
}

function proxyFields(proxy: ProxySettings) {
  return {
    upstream: proxy.upstream,
    metadataMaxAgeMinutes: String(proxy.metadataMaxAgeMinutes),
    negativeCacheMinutes: String(proxy.negativeCacheMinutes),
    connectTimeoutSeconds: String(proxy.connectTimeoutSeconds),
    readTimeoutSeconds: String(proxy.readTimeoutSeconds),
    allow: (proxy.allow ?? []).join("\n"),
    block: (proxy.block ?? []).join("\n"),
    checksumDatabases: rowsOf({ ...proxy, checksumDatabases: proxy.checksumDatabases ?? [] }),
    metadataPaths: (proxy.metadataPaths ?? []).join("\n"),
    verifySidecar: proxy.verifySidecar ?? "",
  };
}

export function formOf(repository: Repository): RepositoryFormState {
  const proxy = repository.proxy ?? proxyDefaults;
  const auth = repository.proxy?.authentication;
  return {
    ...emptyForm(),
    name: repository.name,
    format: repository.format,
    type: repository.type,
    online: repository.online,
    anonymousRead: repository.anonymousRead,
    writePolicy: repository.hosted?.writePolicy ?? "allow-once",
    ...proxyFields(proxy),
    auth: auth?.type === "basic" || auth?.type === "bearer" ? auth.type : "none",
    authUsername: auth?.username ?? "",
    authSecret: "",
    members: [...(repository.group?.members ?? [])],
  };
}

/** The numeric fields: form key, request key (as the server names it in its errors), and its label. */
export const proxyNumbers = [
  { field: "metadataMaxAgeMinutes", label: "Metadata max age (minutes)", help: "How long a version list, @latest or query answer is served before it is fetched again." },
  { field: "negativeCacheMinutes", label: "Not-found cache (minutes)", help: "How long an upstream \u201cnot found\u201d is remembered." },
  { field: "connectTimeoutSeconds", label: "Connect timeout (seconds)", help: "1 to 600." },
  { field: "readTimeoutSeconds", label: "Read timeout (seconds)", help: "The longest wait for upstream bytes, 1 to 3600." },
] as const;

export type ProxyNumberField = (typeof proxyNumbers)[number]["field"];

/** The help of a numeric field where a raw proxy's differs from a Go proxy's. */
export const rawNumberHelp: Partial<Record<ProxyNumberField, string>> = {
  metadataMaxAgeMinutes: "How long a file matching a metadata path is served before it is fetched again.",
};

/**
 * The upstream credentials to send. Left out (undefined): the server keeps what it holds — when editing and the
 * secret is left empty for the same kind of credentials (and the same user). `none` over stored ones removes them.
 */
export function authenticationOf(form: RepositoryFormState, stored: StoredAuth | null): UpstreamAuthentication | undefined {
  switch (form.auth) {
    case "none":
      return stored ? { type: "none" } : undefined;
    case "basic":
      if (stored?.type === "basic" && form.authSecret === "" && form.authUsername === (stored.username ?? "")) {
        return undefined;
      }
      return { type: "basic", username: form.authUsername, password: form.authSecret };
    case "bearer":
      if (stored?.type === "bearer" && form.authSecret === "") {
        return undefined;
      }
      return { type: "bearer", token: form.authSecret };
  }
}

/**
 * The request for a create (`editing` false: name, format and type included) or a change (they are fixed, so left
 * out), or the fields that are not numbers (keyed as the server keys its errors).
 */
export function requestOf(
  form: RepositoryFormState,
  editing: boolean,
  stored: StoredAuth | null,
): { request: RepositoryRequest; problems?: undefined } | { request?: undefined; problems: Record<string, string> } {
  const request: RepositoryRequest = editing
    ? { online: form.online, anonymousRead: form.anonymousRead }
    : { name: form.name.trim(), format: form.format, type: form.type, online: form.online, anonymousRead: form.anonymousRead };
  const problems: Record<string, string> = {};
  const number = (key: string, text: string): number => {
    const value = wholeNumber(text);
    if (value === undefined) {
      problems[key.toLowerCase()] = "Enter a whole number.";
      return 0;
    }
    return value;
  };

  if (form.type === "hosted") {
    request.hosted = { writePolicy: form.writePolicy };
  } else if (form.type === "proxy") {
    const raw = form.format === "raw";
    const proxy: ProxySettings = {
      upstream: form.upstream.trim(),
      metadataMaxAgeMinutes: number("proxy.metadataMaxAgeMinutes", form.metadataMaxAgeMinutes),
      negativeCacheMinutes: number("proxy.negativeCacheMinutes", form.negativeCacheMinutes),
      connectTimeoutSeconds: number("proxy.connectTimeoutSeconds", form.connectTimeoutSeconds),
      readTimeoutSeconds: number("proxy.readTimeoutSeconds", form.readTimeoutSeconds),
      allow: linesOf(form.allow),
      block: linesOf(form.block),
      // A Go-only setting: a raw proxy has none (its form does not show the rows, so they are not checked either).
      checksumDatabases: raw
        ? []
        : form.checksumDatabases.map((row, i) => ({
            name: row.name.trim(),
            url: row.url.trim(),
            latestMaxAgeSeconds: number(`proxy.checksumDatabases[${i}].latestMaxAgeSeconds`, row.latestMaxAgeSeconds),
            key: row.verifierKey.trim() || null,
          })),
    };
    if (raw) {
      proxy.metadataPaths = linesOf(form.metadataPaths);
      proxy.verifySidecar = form.verifySidecar.trim() || null;
    }
    const authentication = authenticationOf(form, editing ? stored : null);
    if (authentication) {
      proxy.authentication = authentication;
    }
    request.proxy = proxy;
  } else {
    request.group = { members: [...form.members] };
  }
  return Object.keys(problems).length > 0 ? { problems } : { request };
}

/** The error keys the form shows beside a field, for its type and format: the rest go beside the button. */
export function shownFields(type: RepositoryType, format = "go"): string[] {
  const common = ["name", "format", "type", "online", "anonymousRead"];
  switch (type) {
    case "hosted":
      return [...common, "hosted.writePolicy"];
    case "proxy":
      return [
        ...common,
        "proxy.upstream",
        ...proxyNumbers.map((n) => `proxy.${n.field}`),
        "proxy.allow",
        "proxy.block",
        ...(format === "raw" ? ["proxy.metadataPaths", "proxy.verifySidecar"] : ["proxy.checksumDatabases"]),
        "proxy.authentication",
      ];
    case "group":
      return [...common, "group.members"];
  }
}
