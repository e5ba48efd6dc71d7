import { NestFactory } from '@nestjs/core';
import { FastifyAdapter, type NestFastifyApplication } from '@nestjs/platform-fastify';
import type { Logger } from 'pino';
import { PinoLoggerService } from '../logging/pino.logger.js';

export interface StartOptions {
  host: string;
  port: number;
  logger: Logger;
}

/**
 * Boots a service on Fastify with JSON logs and graceful shutdown (SIGTERM/SIGINT close
 * the HTTP server, consumers, relay and pools through Nest's shutdown hooks).
 */
export async function startService(module: unknown, { host, port, logger }: StartOptions): Promise<NestFastifyApplication> {
  process.on('unhandledRejection', (reason) => logger.error({ err: reason }, 'unhandled promise rejection'));
  const app = await NestFactory.create<NestFastifyApplication>(module as never, new FastifyAdapter({ logger: false }), {
    logger: new PinoLoggerService(logger),
  });
  app.enableShutdownHooks();
  await app.listen(port, host);
  logger.info({ port, host }, 'listening');
  return app;
}

/** Runs a service's entry point, logging a failed start as one JSON line before exiting non-zero. */
export function runMain(logger: Logger, main: () => Promise<unknown>): void {
  main().catch((error: unknown) => {
    logger.fatal({ err: error }, 'failed to start');
    process.exit(1);
  });
}
