// HS256 JWT sign/verify with node:crypto (no dependency).
import { createHmac, timingSafeEqual } from 'node:crypto';

export const JWT_SECRET = process.env.REPLICA_JWT_SECRET ?? 'replica-dev-secret-not-for-production';
export const DEFAULT_TTL_SECONDS = 24 * 60 * 60;

export type Role = 'SUPER_ADMIN' | 'ADMIN' | 'PROJECT_MANAGER' | 'DEVELOPER';

/** Claims of the token from POST /api/v1/auth/login (no tenant claim). */
export interface V1Claims {
  sub: string;
  role: Role;
  exp: number;
  force_password_change: boolean;
  kid: string;
}

/** Claims of the token from POST /api/auth/login. */
export interface LegacyClaims {
  sub: string;
  role: Role;
  user_id: number;
  tenant_id: string | null;
  tenant_ids: string[];
  exp: number;
}

export type TokenClaims = { sub: string; role: Role; exp: number; [k: string]: unknown };

const b64url = (buf: Buffer | string): string => Buffer.from(buf).toString('base64url');

function hmac(data: string, secret: string): Buffer {
  return createHmac('sha256', secret).update(data).digest();
}

/**
 * Sign any claims. `exp` is set to now + ttlSeconds unless the claims already carry one
 * (pass a negative ttl to mint an expired token).
 */
export function signToken(claims: Record<string, unknown>, ttlSeconds: number = DEFAULT_TTL_SECONDS, secret: string = JWT_SECRET): string {
  const header = { alg: 'HS256', typ: 'JWT' };
  const payload = { ...claims };
  if (typeof payload.exp !== 'number') payload.exp = Math.floor(Date.now() / 1000) + ttlSeconds;
  const head = `${b64url(JSON.stringify(header))}.${b64url(JSON.stringify(payload))}`;
  return `${head}.${b64url(hmac(head, secret))}`;
}

/** Returns the claims, or null when malformed, badly signed or expired. */
export function verifyToken(token: string, secret: string = JWT_SECRET, nowSeconds: number = Date.now() / 1000): TokenClaims | null {
  const parts = token.split('.');
  if (parts.length !== 3) return null;
  const [h, p, s] = parts as [string, string, string];
  try {
    const header = JSON.parse(Buffer.from(h, 'base64url').toString('utf8')) as { alg?: string };
    if (header.alg !== 'HS256') return null;
    const expected = hmac(`${h}.${p}`, secret);
    const got = Buffer.from(s, 'base64url');
    if (got.length !== expected.length || !timingSafeEqual(got, expected)) return null;
    const claims = JSON.parse(Buffer.from(p, 'base64url').toString('utf8')) as TokenClaims;
    if (typeof claims.exp !== 'number' || claims.exp <= nowSeconds) return null;
    if (typeof claims.sub !== 'string' || typeof claims.role !== 'string') return null;
    return claims;
  } catch {
    return null;
  }
}

/** Decode without verifying (for tests / debugging). */
export function decodeToken(token: string): Record<string, unknown> | null {
  const p = token.split('.')[1];
  if (!p) return null;
  try {
    return JSON.parse(Buffer.from(p, 'base64url').toString('utf8')) as Record<string, unknown>;
  } catch {
    return null;
  }
}
