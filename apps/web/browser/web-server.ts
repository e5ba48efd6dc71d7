import { spawn } from 'node:child_process';
import { existsSync } from 'node:fs';
import { join } from 'node:path';
import { freePort, repoRoot, waitFor } from '@payforward/testing';

export interface WebServer {
  url: string;
  output(): string;
  stop(): Promise<void>;
}

/**
 * The built web client served the way `npm start` serves it (`vite preview`), on a free port,
 * proxying /graphql (HTTP and WebSocket) to the given gateway.
 */
export async function startWebServer(gatewayGraphqlUrl: string): Promise<WebServer> {
  const root = join(repoRoot(), 'apps/web');
  if (!existsSync(join(root, 'dist/index.html'))) throw new Error('apps/web is not built: run npx nx run-many -t build');
  const port = await freePort();
  const lines: string[] = [];
  const child = spawn(process.execPath, [join(repoRoot(), 'node_modules/vite/bin/vite.js'), 'preview', '--port', String(port), '--strictPort'], {
    cwd: root,
    env: { ...process.env, NODE_OPTIONS: '', WEB_PORT: String(port), PAYFORWARD_GATEWAY_URL: new URL(gatewayGraphqlUrl).origin },
    stdio: ['ignore', 'pipe', 'pipe'],
  });
  const collect = (chunk: Buffer) => lines.push(...chunk.toString().split('\n').filter(Boolean));
  child.stdout.on('data', collect);
  child.stderr.on('data', collect);
  const exited = new Promise<void>((resolve) => child.once('exit', () => resolve()));
  const url = `http://127.0.0.1:${port}`;
  const stop = async () => {
    if (child.exitCode === null && child.signalCode === null) child.kill('SIGTERM');
    await exited;
  };
  try {
    await waitFor(
      async () => {
        if (child.exitCode !== null) throw new Error(`vite preview exited: ${lines.join('\n')}`);
        const [page, api] = await Promise.all([
          fetch(url).catch(() => null),
          fetch(`${url}/graphql`, { method: 'POST', headers: { 'content-type': 'application/json' }, body: '{"query":"{ me { id } }"}' }).catch(() => null),
        ]);
        return page?.ok && api?.ok ? true : undefined;
      },
      { timeoutMs: 30_000, intervalMs: 250, what: 'the web server and its /graphql proxy' },
    );
  } catch (error) {
    await stop();
    throw error;
  }
  return { url, output: () => lines.join('\n'), stop };
}
