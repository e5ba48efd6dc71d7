import { loadAdminBootstrap } from './admin-bootstrap.config.js';

describe('first-admin settings', () => {
  it('given neither variable, when loading, then no admin is bootstrapped', () => {
    expect(loadAdminBootstrap({})).toBeNull();
  });

  it('given both variables, when loading, then the admin with a default display name', () => {
    expect(loadAdminBootstrap({ PAYFORWARD_ADMIN_EMAIL: ' admin@demo.payforward.dev ', PAYFORWARD_ADMIN_PASSWORD: 'pw pw pw pw' })).toEqual({
      email: 'admin@demo.payforward.dev',
      password: 'pw pw pw pw',
      displayName: 'Payforward Admin',
    });
  });

  it('given only one of the two, when loading, then the start fails with what to set', () => {
    expect(() => loadAdminBootstrap({ PAYFORWARD_ADMIN_EMAIL: 'admin@example.com' })).toThrow(/PAYFORWARD_ADMIN_PASSWORD/);
    expect(() => loadAdminBootstrap({ PAYFORWARD_ADMIN_PASSWORD: 'secret secret' })).toThrow(/PAYFORWARD_ADMIN_EMAIL/);
  });
});
