import type { ReactNode } from 'react';

/** A table that scrolls sideways on a narrow screen; `children` are its body rows. */
export function Table({ columns, caption, children }: { columns: string[]; caption?: ReactNode; children: ReactNode }) {
  return (
    <div className="table-wrap">
      <table>
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
