import { Grid, Table, type TableColumnType, type TableProps } from 'antd';
import type { ReactNode } from 'react';

type Column<T> = TableColumnType<T> & { dataIndex?: unknown };

/** What one column shows for a record: its render, or the field its dataIndex names. */
function cell<T>(column: Column<T>, record: T, index: number): ReactNode {
  const path = column.dataIndex;
  const value =
    typeof path === 'string' || typeof path === 'number'
      ? (record as Record<string | number, unknown>)[path]
      : Array.isArray(path)
        ? path.reduce<unknown>((v, k) => (v as Record<string, unknown> | undefined)?.[k as string], record)
        : undefined;
  const shown = column.render ? column.render(value, record, index) : value;
  // a render may return cell props ({ children, props }); only the content is wanted here
  if (shown && typeof shown === 'object' && 'children' in shown && 'props' in shown)
    return (shown as { children: ReactNode }).children;
  return shown as ReactNode;
}

/**
 * A table that stays readable on a phone: below the `md` breakpoint each row becomes a small card (the first
 * column as its title, every other column as "title: value" beneath), instead of a wide table of which only the
 * first column fits on the screen. On wider screens it is antd's Table, unchanged.
 */
export function ResponsiveTable<T extends object>(props: TableProps<T>) {
  const screens = Grid.useBreakpoint();
  const phone = screens.md === false;
  if (!phone || !props.columns) return <Table<T> {...props} />;
  const columns = (props.columns as Column<T>[]).filter((c) => !('children' in c && c.children));
  const [first, ...rest] = columns;
  return (
    <Table<T>
      {...props}
      className={['vd-phone-table', props.className].filter(Boolean).join(' ')}
      scroll={undefined}
      tableLayout="auto"
      showHeader={false}
      columns={[
        {
          key: 'card',
          render: (_, record, index) => (
            <div className="vd-phone-row">
              {first && <div className="vd-phone-row-title">{cell(first, record, index)}</div>}
              {rest.map((c, i) => (
                <div key={String(c.key ?? i)} className="vd-phone-row-field">
                  {c.title !== undefined && c.title !== null && typeof c.title !== 'function' && (
                    <span className="vd-phone-row-label">{c.title}</span>
                  )}
                  <span className="vd-phone-row-value">{cell(c, record, index)}</span>
                </div>
              ))}
            </div>
          ),
        },
      ]}
    />
  );
}
