import { useCallback, useEffect, useState } from "preact/hooks";
import { api, buildPath, type Query } from "../api/client.ts";

export type ApiState<T> = { data?: T; error?: unknown; loading: boolean; reload: () => void };

/** A GET whose result the page renders; pass `undefined` as path to wait (e.g. for an id not known yet). */
export function useApi<T>(path: string | undefined, query?: Query): ApiState<T> {
  return useLoad(path === undefined ? undefined : buildPath(path, query), (key) => api<T>("GET", key));
}

/**
 * Any read the page renders, named by `key`: loaded again when the key changes or on reload, and an answer
 * that arrives after the key moved on is dropped. `undefined` waits.
 */
export function useLoad<T>(key: string | undefined, load: (key: string) => Promise<T>): ApiState<T> {
  const [state, setState] = useState<{ data?: T; error?: unknown; loading: boolean }>({ loading: key !== undefined });
  const [version, setVersion] = useState(0);
  const reload = useCallback(() => setVersion((n) => n + 1), []);

  useEffect(() => {
    if (key === undefined) return;
    let live = true;
    setState((previous) => ({ ...previous, loading: true, error: undefined }));
    load(key).then(
      (data) => live && setState({ data, loading: false }),
      (error: unknown) => live && setState({ error, loading: false }),
    );
    return () => {
      live = false;
    };
    // `load` is a new function on every render; the key alone names what it reads.
  }, [key, version]);

  return { ...state, reload };
}
