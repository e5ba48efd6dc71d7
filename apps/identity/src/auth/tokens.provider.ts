import { JwtTokens, type JwtConfig } from '@payforward/platform';

export const JWT_CONFIG = Symbol('JWT_CONFIG');

/** JwtTokens from the JWT settings the module was given (env in main.ts, the test's own in specs). */
export const tokensProvider = {
  provide: JwtTokens,
  useFactory: (config: JwtConfig) => new JwtTokens(config),
  inject: [JWT_CONFIG],
};

