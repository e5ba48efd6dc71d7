// The marketplace as both contenders run it: its own Nest module, loaded from its build output
// (apps/marketplace/dist) at run time — the marketplace is an app, and apps do not import each
// other — and configured the same way for both, publishing to this run's scratch topics so the
// benchmark's thousands of events never land on the shared topics other stacks replay.
import { join } from 'node:path';
import { pathToFileURL } from 'node:url';
import type { DynamicModule } from '@nestjs/common';
import type { Logger } from 'pino';
import { topicForEventType } from '@payforward/contracts';
import type { JwtConfig, ServiceConfig } from '@payforward/platform';
import { repoRoot } from '@payforward/testing';

export type Ctor = new (...args: any[]) => object;

export const fromMarketplace = async <T>(path: string): Promise<T> =>
  (await import(pathToFileURL(join(repoRoot(), 'apps/marketplace/dist', path)).href)) as T;

/**
 * MarketplaceModule.forRoot as the service's main.ts calls it, except: events go to
 * `<topicPrefix>.<topic>` (the outbox relay runs, as in the service), and identity's member
 * events are not consumed (the benchmark's members need no profile).
 */
export async function benchMarketplaceModule(options: { config: ServiceConfig; jwt: JwtConfig; logger: Logger; topicPrefix: string }): Promise<DynamicModule> {
  const { MarketplaceModule } = await fromMarketplace<{ MarketplaceModule: { forRoot(o: Record<string, unknown>): DynamicModule } }>('marketplace.module.js');
  return MarketplaceModule.forRoot({
    config: options.config,
    jwt: options.jwt,
    logger: options.logger,
    relay: true,
    topicFor: (type: string) => `${options.topicPrefix}.${topicForEventType(type)}`,
    consumeIdentity: false,
  });
}
