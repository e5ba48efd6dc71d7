import { useEffect, useState, type ReactNode } from 'react';
import type { CombinedError } from '@urql/core';
import { errorSentence } from '../api/errors';

export function Loading({ what }: { what: string }) {
  return (
    <p className="state state--loading" role="status">
      Loading {what}…
    </p>
  );
}

export function Empty({ title, children }: { title: string; children?: ReactNode }) {
  return (
    <div className="state state--empty">
      <p className="state__title">{title}</p>
      {children && <div>{children}</div>}
    </div>
  );
}

export function LoadError({ error, retry }: { error: CombinedError; retry?: () => void }) {
  return (
    <div className="alert alert--error" role="alert">
      <p>{errorSentence(error)}</p>
      {retry && (
        <button type="button" className="button button--quiet" onClick={retry}>
          Try again
        </button>
      )}
    </div>
  );
}

/** Why an action (a button's mutation) did not go through, announced where it was taken. */
export function ActionProblem({ problem }: { problem: string | null | undefined }) {
  if (!problem) return null;
  return (
    <p className="field__error" role="alert">
      {problem}
    </p>
  );
}

export function useOnline(): boolean {
  const [online, setOnline] = useState(() => navigator.onLine);
  useEffect(() => {
    const on = () => setOnline(true);
    const off = () => setOnline(false);
    window.addEventListener('online', on);
    window.addEventListener('offline', off);
    return () => {
      window.removeEventListener('online', on);
      window.removeEventListener('offline', off);
    };
  }, []);
  return online;
}

export function OfflineBanner() {
  const online = useOnline();
  if (online) return null;
  return (
    <div className="banner banner--offline" role="status">
      You are offline. What you see may be out of date; we will catch up as soon as you are back.
    </div>
  );
}
