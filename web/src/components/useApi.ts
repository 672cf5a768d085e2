import { useCallback, useEffect, useRef, useState, type DependencyList } from "react";

/**
 * Loads something from the API when `deps` change; `reload()` loads it again (after a change). A load that a newer one
 * overtook is aborted and its answer dropped, so a slow old answer never replaces a newer one (typing a search).
 * While deps have changed and the new answer is not in, `loading` is true and the old `error` is not reported.
 */
export function useApi<T>(load: (options: { signal: AbortSignal }) => Promise<T>, deps: DependencyList) {
  const [data, setData] = useState<T | undefined>(undefined);
  const [error, setError] = useState<unknown>(undefined);
  const [loading, setLoading] = useState(true);
  const [generation, setGeneration] = useState(0);
  const loadedFor = useRef<DependencyList | null>(null);
  const changed = !sameDeps(loadedFor.current, deps);

  useEffect(() => {
    const controller = new AbortController();
    loadedFor.current = deps;
    setLoading(true);
    setError(undefined);
    load({ signal: controller.signal })
      .then((value) => {
        if (!controller.signal.aborted) {
          setData(value);
        }
      })
      .catch((e) => {
        if (!controller.signal.aborted) {
          setError(e);
        }
      })
      .finally(() => {
        if (!controller.signal.aborted) {
          setLoading(false);
        }
      });
    return () => controller.abort();
    // eslint-disable-next-line react-hooks/exhaustive-deps
  }, [...deps, generation]);

  const reload = useCallback(() => setGeneration((g) => g + 1), []);
  return { data, error: changed ? undefined : error, loading: loading || changed, reload };
}

function sameDeps(a: DependencyList | null, b: DependencyList): boolean {
  return !!a && a.length === b.length && a.every((value, i) => Object.is(value, b[i]));
}
