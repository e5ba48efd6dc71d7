import { jwtVerify, SignJWT, errors as joseErrors } from 'jose';
import type { JwtConfig } from '../config/service.config.js';

/** Who is calling: the member id from a verified token, or nobody. */
export interface Viewer {
  memberId: string;
  roles: string[];
}

const ALGORITHM = 'HS256';

/** Signs and verifies the API's bearer tokens (HS256; `sub` = member id). */
export class JwtTokens {
  private readonly key: Uint8Array;

  constructor(private readonly config: JwtConfig) {
    this.key = new TextEncoder().encode(config.secret);
  }

  issue(viewer: Viewer): Promise<string> {
    return new SignJWT({ roles: viewer.roles })
      .setProtectedHeader({ alg: ALGORITHM })
      .setSubject(viewer.memberId)
      .setIssuer(this.config.issuer)
      .setIssuedAt()
      .setExpirationTime(this.config.expiresIn)
      .sign(this.key);
  }

  /** The viewer of a valid token; null for a missing, malformed, expired or forged one. */
  async verify(token: string): Promise<Viewer | null> {
    try {
      const { payload } = await jwtVerify(token, this.key, { algorithms: [ALGORITHM], issuer: this.config.issuer });
      if (typeof payload.sub !== 'string') return null;
      const roles = Array.isArray(payload.roles) ? payload.roles.filter((r): r is string => typeof r === 'string') : [];
      return { memberId: payload.sub, roles };
    } catch (error) {
      if (error instanceof joseErrors.JOSEError) return null;
      throw error;
    }
  }

  /** Reads `Authorization: Bearer <token>`; anything else is an anonymous viewer. */
  async fromAuthorizationHeader(header: string | string[] | undefined): Promise<Viewer | null> {
    const value = Array.isArray(header) ? header[0] : header;
    const match = value?.match(/^Bearer\s+(\S+)$/i);
    return match ? this.verify(match[1]) : null;
  }
}
