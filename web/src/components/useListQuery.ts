import { useEffect, useState } from "react";
import { useSearchParams } from "react-router-dom";

/**
 * A list's filters and page held in the page's URL (?search=…&page=2), so that a link, reload or Back shows the same
 * list: `applied` is what the URL says, `draft` what the fields hold (they follow the URL on Back/Forward), `go()`
 * applies filters (page 1 unless told).
 */
export function useListQuery<K extends string>(keys: readonly K[]) {
  const [params, setParams] = useSearchParams();
  const applied = Object.fromEntries(keys.map((key) => [key, params.get(key) ?? ""])) as Record<K, string>;
  const page = Math.max(1, Number(params.get("page")) || 1);
  const appliedKey = keys.map((key) => applied[key]).join("\u0000");
  const [draft, setDraft] = useState<Record<K, string>>(applied);

  useEffect(() => setDraft(applied), [appliedKey]); // eslint-disable-line react-hooks/exhaustive-deps

  function go(values: Record<K, string>, nextPage = 1) {
    const query: Record<string, string> = {};
    for (const key of keys) {
      const value = values[key].trim();
      if (value) {
        query[key] = value;
      }
    }
    if (nextPage > 1) {
      query.page = String(nextPage);
    }
    setParams(query);
  }

  return { applied, appliedKey, page, draft, setDraft, go };
}
