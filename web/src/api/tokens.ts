// API tokens (/api/v1/security/tokens): the caller's own (account page) and every user's (administration).

import { del, get, post, type RequestOptions } from "./client";

export interface Token {
  id: number;
  name: string;
  userName: string;
  /** The first characters of the token's text, to recognise it. */
  prefix: string;
  /** null: all of its user's privileges. */
  scope?: string[] | null;
  createdAt: string;
  expiresAt?: string | null;
  lastUsedAt?: string | null;
  revoked: boolean;
  revokedAt?: string | null;
}

export interface TokenCreated {
  id: number;
  name: string;
  userName: string;
  prefix: string;
  /** The token's text: in this answer only, never again. */
  token: string;
  expiresAt?: string | null;
  createdAt: string;
}

export const listMyTokens = (options?: RequestOptions) => get<Token[]>("/security/tokens", options);

/** Every user's tokens, newest first (security.manage). The server does not page them. */
export const listAllTokens = (options?: RequestOptions) => get<Token[]>("/security/tokens?allUsers=true", options);

export const createToken = (body: { name: string; expiresInDays?: number }) => post<TokenCreated>("/security/tokens", body);

export const revokeToken = (id: number) => del(`/security/tokens/${id}`);

/** "Active", "Expired" or "Revoked", as a list shows it. */
export function tokenState(token: Token, now = Date.now()): "Active" | "Expired" | "Revoked" {
  if (token.revoked) {
    return "Revoked";
  }
  return token.expiresAt && new Date(token.expiresAt).getTime() <= now ? "Expired" : "Active";
}
