// Contenders run in child processes (their own heap and JIT) that print {"phase"} lines and one
// {"result"} JSON line on stdout; the orchestrators of every group start them the same way.
import { spawn } from 'node:child_process';

export type PhaseListener = (phase: string, detail: Record<string, unknown>, pid: number | undefined) => void;

/** Runs `node path args…`; `onPhase` hears its {"phase"} lines; resolves with its {"result"}. */
export function runChild<T>(path: string, args: string[], env: Record<string, string>, onPhase?: PhaseListener, timeoutMs = 300_000): Promise<T> {
  return new Promise((resolve, reject) => {
    const child = spawn(process.execPath, [path, ...args], { env: { ...process.env, NODE_OPTIONS: '', ...env }, stdio: ['ignore', 'pipe', 'pipe'] });
    let result: T | undefined;
    let pending = '';
    let stderr = '';
    child.stdout.on('data', (chunk: Buffer) => {
      pending += chunk.toString();
      const lines = pending.split('\n');
      pending = lines.pop()!;
      for (const line of lines) {
        if (!line.startsWith('{')) continue;
        const message = JSON.parse(line) as { phase?: string; result?: T };
        if (message.phase) onPhase?.(message.phase, message as Record<string, unknown>, child.pid);
        if (message.result) result = message.result;
      }
    });
    child.stderr.on('data', (chunk: Buffer) => (stderr = (stderr + chunk.toString()).slice(-4000)));
    const timer = setTimeout(() => child.kill('SIGKILL'), timeoutMs);
    child.on('error', reject);
    child.on('exit', (code, signal) => {
      clearTimeout(timer);
      if (code === 0 && result) resolve(result);
      else reject(new Error(`${path} ${args.join(' ')} exited with ${code ?? signal}${result ? '' : ' without a result'}: ${stderr}`));
    });
  });
}

export function median(values: number[]): number {
  const sorted = [...values].sort((a, b) => a - b);
  const mid = Math.floor(sorted.length / 2);
  return sorted.length === 0 ? NaN : sorted.length % 2 === 1 ? sorted[mid]! : (sorted[mid - 1]! + sorted[mid]!) / 2;
}
