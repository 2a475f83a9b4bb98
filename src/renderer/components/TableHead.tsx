import type { ReactNode } from 'react';

export interface Column {
  /** React key; the label when it is text. */
  readonly key?: string;
  readonly label: ReactNode;
  readonly className?: string;
  /** Read by screen readers only (e.g. a column of row actions). */
  readonly hidden?: boolean;
}

/** A table's header row: one `<th scope="col">` per column, so that every column is announced. */
export function TableHead({ columns }: { readonly columns: readonly (Column | false)[] }) {
  return (
    <thead>
      <tr>
        {columns
          .filter((c): c is Column => c !== false)
          .map((c, i) => (
            <th scope="col" key={c.key ?? (typeof c.label === 'string' ? c.label : i)} {...(c.className ? { className: c.className } : {})}>
              {c.hidden ? <span className="visually-hidden">{c.label}</span> : c.label}
            </th>
          ))}
      </tr>
    </thead>
  );
}
