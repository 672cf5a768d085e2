import type { ReactNode } from "react";

/** A column heading: its text, right-aligned for numbers, or read to screen readers only (an actions column). */
export type Column = string | { label: string; numeric?: boolean; hidden?: boolean };

/**
 * A table of a list, in a horizontally scrolling box (narrow screens), with a caption for screen readers and column
 * headers; `children` are the rows (each naming its item in a <th scope="row">). `busy`: a newer list is loading.
 */
export function ListTable({ caption, columns, children, className, busy }: {
  caption: string;
  columns: Column[];
  children: ReactNode;
  className?: string;
  busy?: boolean;
}) {
  return (
    <div className="table-wrap" aria-busy={busy || undefined}>
      <table className={className}>
        <caption className="visually-hidden">{caption}</caption>
        <thead>
          <tr>
            {columns.map((column) => {
              const { label, numeric, hidden } = typeof column === "string" ? { label: column } : column;
              return (
                <th key={label} scope="col" className={numeric ? "num" : undefined}>
                  {hidden ? <span className="visually-hidden">{label}</span> : label}
                </th>
              );
            })}
          </tr>
        </thead>
        <tbody>{children}</tbody>
      </table>
    </div>
  );
}
