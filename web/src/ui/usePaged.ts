import { useCallback, useEffect, useState } from "preact/hooks";
import { api, buildPath, type Query } from "../api/client.ts";
import type { Page } from "../api/types.ts";

/** A cursor-paged list: the first page on mount or when the query changes, more pages on request. */
export function usePaged<T>(path: string, query: Query = {}) {
  const key = buildPath(path, query);
  const [items, setItems] = useState<T[]>([]);
  const [cursor, setCursor] = useState<string | null>(null);
  const [loading, setLoading] = useState(true);
  const [error, setError] = useState<unknown>();
  const [version, setVersion] = useState(0);

  const fetchPage = useCallback(
    async (after: string | null, append: boolean, isLive: () => boolean = () => true) => {
      setLoading(true);
      setError(undefined);
      try {
        const page = await api<Page<T>>("GET", key, after ? { query: { cursor: after } } : {});
        if (!isLive()) return;
        setItems((previous) => (append ? [...previous, ...page.items] : page.items));
        setCursor(page.nextCursor);
      } catch (caught) {
        if (isLive()) setError(caught);
      } finally {
        if (isLive()) setLoading(false);
      }
    },
    [key],
  );

  useEffect(() => {
    let live = true;
    void fetchPage(null, false, () => live);
    return () => {
      live = false;
    };
  }, [fetchPage, version]);

  return {
    items,
    loading,
    error,
    hasMore: cursor !== null,
    more: () => void fetchPage(cursor, true),
    reload: () => setVersion((n) => n + 1),
  };
}
