/** Previous / next and "page x of y" for a list the server pages (`page` starts at 1). */
export function Pager({ page, pageSize, total, onPage, label = "Pages" }: {
  page: number;
  pageSize: number;
  total: number;
  onPage(page: number): void;
  label?: string;
}) {
  const pages = Math.max(1, Math.ceil(total / pageSize));
  if (total <= pageSize && page === 1) {
    return null;
  }
  return (
    <nav className="pager" aria-label={label}>
      <button type="button" onClick={() => onPage(page - 1)} disabled={page <= 1}>
        Previous
      </button>
      <span>
        Page {page} of {pages} ({total})
      </span>
      <button type="button" onClick={() => onPage(page + 1)} disabled={page >= pages}>
        Next
      </button>
    </nav>
  );
}
