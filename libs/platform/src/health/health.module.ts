import { Module, type DynamicModule, type ModuleMetadata } from '@nestjs/common';
import { HEALTH_CHECKS, type ReadinessCheck } from './health.checks.js';
import { HealthController } from './health.controller.js';

export interface HealthModuleOptions {
  imports?: ModuleMetadata['imports'];
  /** Builds the readiness checks from injected providers (a pg pool, a Kafka client, …). */
  useFactory: (...deps: never[]) => ReadinessCheck[] | Promise<ReadinessCheck[]>;
  inject?: unknown[];
}

@Module({})
export class HealthModule {
  static forRoot(options: HealthModuleOptions): DynamicModule {
    return {
      module: HealthModule,
      imports: options.imports ?? [],
      controllers: [HealthController],
      providers: [
        {
          provide: HEALTH_CHECKS,
          useFactory: options.useFactory as (...deps: unknown[]) => ReadinessCheck[],
          inject: (options.inject ?? []) as never[],
        },
      ],
    };
  }
}
