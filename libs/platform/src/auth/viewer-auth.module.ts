import { Global, Module, type DynamicModule } from '@nestjs/common';
import type pg from 'pg';
import { PG_POOL } from '../database/database.module.js';
import type { JwtTokens } from './jwt.js';
import { BlockedViewerCache, ViewerAuthenticator } from './viewer-authenticator.js';

/** The service's ViewerAuthenticator over its own pool, injectable anywhere (identity forgets cached answers it changed). */
@Global()
@Module({})
export class ViewerAuthModule {
  static forRoot(tokens: JwtTokens, cacheMs: number): DynamicModule {
    return {
      module: ViewerAuthModule,
      providers: [
        {
          provide: ViewerAuthenticator,
          inject: [PG_POOL],
          useFactory: (pool: pg.Pool) => new ViewerAuthenticator(tokens, new BlockedViewerCache(pool, cacheMs)),
        },
      ],
      exports: [ViewerAuthenticator],
    };
  }
}
