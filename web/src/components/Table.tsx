import type { ReactNode } from 'react';

/** A table that scrolls sideways on a narrow screen; `children` are its body rows. */
export function Table({ columns, caption, className, children }: { columns: string[]; caption?: ReactNode; className?: string; children: ReactNode }) {
  return (
    <div className="table-wrap">
      <table className={className}>
        {caption && <caption className="muted small">{caption}</caption>}
        <thead>
          <tr>
            {columns.map((column) => (
              <th scope="col" key={column}>
                {column}
              </th>
            ))}
          </tr>
        </thead>
        <tbody>{children}</tbody>
      </table>
    </div>
  );
}
