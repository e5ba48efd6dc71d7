import { z } from 'zod';

/**
 * Every setting a service reads, from the environment only (README "Configuration").
 * Defaults suit the local run; secrets have none and must be given (infra/env.sh generates
 * them for local runs; tests pass their own).
 */
export type ServiceName = 'identity' | 'marketplace' | 'reputation' | 'notifications' | 'gateway';

const DEFAULT_PORTS: Record<ServiceName, number> = { gateway: 4000, identity: 4001, marketplace: 4002, reputation: 4003, notifications: 4004 };

export interface PgSettings {
  host: string;
  port: number;
  user: string;
  password: string | undefined;
  database: string;
}

export interface ServiceConfig {
  service: ServiceName;
  /** Interface the HTTP server binds to. */
  host: string;
  port: number;
  production: boolean;
  logLevel: string;
  database: PgSettings;
  kafka: { brokers: string[]; clientId: string };
  /** Personal data in events is sealed with per-member keys (ADR 010). */
  encryption: EncryptionSettings;
}

export interface EncryptionSettings {
  /** ENCRYPTION_MASTER_KEY (32 bytes, base64), which wraps every member's data key; checked at boot. */
  masterKey: string | undefined;
  /** `KEYS_DATABASE` (default payforward_keys) on the same server: the one key table every service reads. */
  keysDatabase: PgSettings;
}

export interface JwtConfig {
  secret: string;
  /** A jose time span ("1h", "30m"). */
  expiresIn: string;
  issuer: string;
}

type Env = Record<string, string | undefined>;

const port = z.coerce.number().int().min(0).max(65_535);

export function portOf(service: ServiceName, env: Env = process.env): number {
  const raw = env[`${service.toUpperCase()}_PORT`];
  return raw === undefined || raw === '' ? DEFAULT_PORTS[service] : port.parse(raw);
}

export function pgSettings(database: string, env: Env = process.env): PgSettings {
  return {
    host: env.PGHOST || '127.0.0.1',
    port: port.parse(env.PGPORT || '5432'),
    user: env.PGUSER || 'postgres',
    password: env.PGPASSWORD || undefined,
    database,
  };
}

/** `<SERVICE>_DATABASE`, default `payforward_<service>`: one database per service. */
export const databaseNameOf = (service: ServiceName, env: Env = process.env): string =>
  env[`${service.toUpperCase()}_DATABASE`] || `payforward_${service}`;

export function loadServiceConfig(service: ServiceName, env: Env = process.env): ServiceConfig {
  return {
    service,
    host: env.HOST || '0.0.0.0',
    port: portOf(service, env),
    production: env.NODE_ENV === 'production',
    logLevel: env.LOG_LEVEL || 'info',
    database: pgSettings(databaseNameOf(service, env), env),
    kafka: {
      brokers: (env.KAFKA_BROKERS || '127.0.0.1:9092').split(',').map((b) => b.trim()).filter(Boolean),
      clientId: env.KAFKA_CLIENT_ID || `payforward-${service}`,
    },
    encryption: loadEncryptionSettings(env),
  };
}

/** The JWT settings; the secret is required (at least 32 characters) so a weak or missing key fails at boot. */
export function loadJwtConfig(env: Env = process.env): JwtConfig {
  const secret = env.JWT_SECRET ?? '';
  if (secret.length < 32) {
    throw new Error('JWT_SECRET must be set to at least 32 characters (infra/env.sh generates one for local runs)');
  }
  return { secret, expiresIn: env.JWT_EXPIRES_IN || '1h', issuer: env.JWT_ISSUER || 'payforward' };
}

export function loadEncryptionSettings(env: Env = process.env): EncryptionSettings {
  return { masterKey: env.ENCRYPTION_MASTER_KEY, keysDatabase: pgSettings(env.KEYS_DATABASE || 'payforward_keys', env) };
}
