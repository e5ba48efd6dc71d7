import { Controller, Get, HttpCode, Inject, ServiceUnavailableException } from '@nestjs/common';
import { HEALTH_CHECKS, withTimeout, type ReadinessCheck } from './health.checks.js';

const CHECK_TIMEOUT_MS = 3_000;

/**
 * `/health` is liveness (the process answers), `/health/ready` is readiness (its database
 * and broker are usable): orchestrators restart on the first and route traffic on the second.
 */
@Controller('health')
export class HealthController {
  constructor(@Inject(HEALTH_CHECKS) private readonly checks: ReadinessCheck[]) {}

  @Get()
  @HttpCode(200)
  live() {
    return { status: 'ok' };
  }

  @Get('ready')
  async ready() {
    const results = await Promise.all(
      this.checks.map(async ({ name, check }) => {
        try {
          await withTimeout(check(), CHECK_TIMEOUT_MS, name);
          return [name, { status: 'up' }] as const;
        } catch (error) {
          return [name, { status: 'down', reason: error instanceof Error ? error.message : String(error) }] as const;
        }
      }),
    );
    const checks = Object.fromEntries(results);
    if (results.some(([, r]) => r.status === 'down')) {
      throw new ServiceUnavailableException({ status: 'unavailable', checks });
    }
    return { status: 'ok', checks };
  }
}
