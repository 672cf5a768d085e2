import { useState } from "react";

/**
 * Pages of a list the server hands over whole (or filtered here): the items of the current page, and the Pager's
 * props. After the list shrinks (a delete, a filter) the page is the same or the last there is.
 */
export function useLocalPages<T>(items: T[], pageSize: number) {
  const [page, setPage] = useState(1);
  const current = Math.min(Math.max(1, page), Math.max(1, Math.ceil(items.length / pageSize)));
  return {
    shown: items.slice((current - 1) * pageSize, current * pageSize),
    setPage,
    pager: { page: current, pageSize, total: items.length, onPage: setPage },
  };
}
