import { jwtVerify, SignJWT, errors as joseErrors } from 'jose';
import type { JwtConfig } from '../config/service.config.js';

/** Who is calling: the member id from a verified token, or nobody. */
export interface Viewer {
  memberId: string;
  roles: string[];
}

const ALGORITHM = 'HS256';

/**
 * What a request's `Authorization` header amounts to: no credentials at all, a verified
 * viewer, or credentials that were presented and refused (so the caller is told, instead of
 * being served silently as anonymous).
 */
export type TokenCheck = { kind: 'none' } | { kind: 'valid'; viewer: Viewer; issuedAtMs: number } | { kind: 'rejected'; reason: 'expired' | 'invalid' };

/** Signs and verifies the API's bearer tokens (HS256; `sub` = member id). */
export class JwtTokens {
  private readonly key: Uint8Array;

  constructor(private readonly config: JwtConfig) {
    this.key = new TextEncoder().encode(config.secret);
  }

  issue(viewer: Viewer): Promise<string> {
    // `iat` has whole seconds; `iatMs` lets a password reset end the sessions before it and not a sign-in right after.
    return new SignJWT({ roles: viewer.roles, iatMs: Date.now() })
      .setProtectedHeader({ alg: ALGORITHM })
      .setSubject(viewer.memberId)
      .setIssuer(this.config.issuer)
      .setIssuedAt()
      .setExpirationTime(this.config.expiresIn)
      .sign(this.key);
  }

  /** The viewer of a valid token; null for a missing, malformed, expired or forged one. */
  async verify(token: string): Promise<Viewer | null> {
    const check = await this.check(token);
    return check.kind === 'valid' ? check.viewer : null;
  }

  /** Verifies a token: signature, algorithm, issuer, expiry and a subject. */
  async check(token: string): Promise<TokenCheck> {
    try {
      const { payload } = await jwtVerify(token, this.key, { algorithms: [ALGORITHM], issuer: this.config.issuer });
      if (typeof payload.sub !== 'string' || payload.sub.length === 0) return { kind: 'rejected', reason: 'invalid' };
      const roles = Array.isArray(payload.roles) ? payload.roles.filter((r): r is string => typeof r === 'string') : [];
      const issuedAtMs = typeof payload.iatMs === 'number' ? payload.iatMs : (payload.iat ?? 0) * 1000;
      return { kind: 'valid', viewer: { memberId: payload.sub, roles }, issuedAtMs };
    } catch (error) {
      if (error instanceof joseErrors.JWTExpired) return { kind: 'rejected', reason: 'expired' };
      if (error instanceof joseErrors.JOSEError) return { kind: 'rejected', reason: 'invalid' };
      throw error;
    }
  }

  /**
   * Reads `Authorization: Bearer <token>`. No header (or an empty one) is no credentials; any
   * other value must be a valid bearer token, or the credentials are rejected.
   */
  async checkAuthorizationHeader(header: string | string[] | undefined): Promise<TokenCheck> {
    const value = (Array.isArray(header) ? header[0] : header)?.trim();
    if (!value) return { kind: 'none' };
    const match = value.match(/^Bearer\s+(\S+)$/i);
    return match ? this.check(match[1]!) : { kind: 'rejected', reason: 'invalid' };
  }

  /** The viewer of a valid bearer token, or null (none, malformed, expired or forged): for rate-limit keys. */
  async fromAuthorizationHeader(header: string | string[] | undefined): Promise<Viewer | null> {
    const check = await this.checkAuthorizationHeader(header);
    return check.kind === 'valid' ? check.viewer : null;
  }
}
