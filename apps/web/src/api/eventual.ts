import { useEffect, useRef } from 'react';

/**
 * Reads of projections are eventually consistent (a contact grant follows an acceptance through
 * Kafka a moment later): while `waiting` holds, ask again every `intervalMs`, a bounded number of
 * times, instead of showing a stale "not yet" until the next reload.
 */
export function useRefetchWhile(waiting: boolean, refetch: () => void, { intervalMs = 1_500, attempts = 20 } = {}): void {
  const left = useRef(attempts);
  useEffect(() => {
    if (!waiting) {
      left.current = attempts;
      return;
    }
    if (left.current <= 0) return;
    const timer = setTimeout(() => {
      left.current -= 1;
      refetch();
    }, intervalMs);
    return () => clearTimeout(timer);
  });
}
