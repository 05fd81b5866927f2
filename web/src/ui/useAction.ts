import { useCallback, useState } from "preact/hooks";

/**
 * One user action that calls the API: busy while it runs, its refusal kept for an ErrorNotice. `onError`
 * sees the refusal first (e.g. to put the server's field errors next to their fields).
 */
export function useAction() {
  const [busy, setBusy] = useState(false);
  const [error, setError] = useState<unknown>();
  const run = useCallback(async <T>(action: () => Promise<T>, onError?: (error: unknown) => void): Promise<T | undefined> => {
    setBusy(true);
    setError(undefined);
    try {
      return await action();
    } catch (caught) {
      onError?.(caught);
      setError(caught);
      return undefined;
    } finally {
      setBusy(false);
    }
  }, []);
  return { busy, error, setError, run };
}
