import { Controller, Get, Inject, ServiceUnavailableException } from '@nestjs/common';
import type { Subgraph } from './subgraphs.js';

export const SUBGRAPHS = Symbol('SUBGRAPHS');

/** Liveness, and readiness = every subgraph answers its own /health. */
@Controller('health')
export class GatewayHealthController {
  constructor(@Inject(SUBGRAPHS) private readonly subgraphs: Subgraph[]) {}

  @Get()
  live() {
    return { status: 'ok' };
  }

  @Get('ready')
  async ready() {
    const results = await Promise.all(
      this.subgraphs.map(async (s) => {
        const up = await fetch(s.healthUrl, { signal: AbortSignal.timeout(2_000) }).then((r) => r.ok, () => false);
        return [s.name, { status: up ? 'up' : 'down' }] as const;
      }),
    );
    const checks = Object.fromEntries(results);
    if (results.some(([, r]) => r.status === 'down')) throw new ServiceUnavailableException({ status: 'unavailable', checks });
    return { status: 'ok', checks };
  }
}
