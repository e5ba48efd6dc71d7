/** The first admin (DESIGN §4), from the environment; both variables or neither. */
export interface AdminBootstrapSettings {
  email: string;
  password: string;
  displayName: string;
}

export const ADMIN_BOOTSTRAP = Symbol('ADMIN_BOOTSTRAP');

type Env = Record<string, string | undefined>;

/**
 * `PAYFORWARD_ADMIN_EMAIL` + `PAYFORWARD_ADMIN_PASSWORD` (and optionally `PAYFORWARD_ADMIN_NAME`).
 * Only one of the two is a mistake worth failing the start for: the operator meant to have an admin.
 */
export function loadAdminBootstrap(env: Env = process.env): AdminBootstrapSettings | null {
  const email = env.PAYFORWARD_ADMIN_EMAIL?.trim() ?? '';
  const password = env.PAYFORWARD_ADMIN_PASSWORD ?? '';
  if (!email && !password) return null;
  if (!email || !password) {
    throw new Error('set both PAYFORWARD_ADMIN_EMAIL and PAYFORWARD_ADMIN_PASSWORD to bootstrap the first admin, or neither');
  }
  return { email, password, displayName: env.PAYFORWARD_ADMIN_NAME?.trim() || 'Payforward Admin' };
}
