import { Flex, Skeleton, Switch, Table, Typography } from 'antd';
import type { TableColumnsType } from 'antd';
import dayjs from 'dayjs';
import { useMemo, useState } from 'react';
import type { AuditFieldChange } from '../../../../contract/audit';
import { useMessages, useT } from '../../app/language';
import { ErrorAlert } from '../../components/ErrorAlert';
import { formatDate } from '../../lib/dates';
import { useAsync } from '../../lib/use-async';
import { useOrgUnits } from '../org-units/use-org-units';
import { auditApi } from './audit-api';
import { auditMessages } from './messages';

const ISO_DATE = /^\d{4}-\d{2}-\d{2}$/;
const ISO_TIME = /^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}/;
const UNIT_KEYS = new Set(['orgUnitId', 'parentId', 'mergedIntoId']);

/** One value as a person reads it: dates dd/mm/yyyy, yes/no, a unit's name, a vocabulary's word. */
function useFormatValue() {
  const t = useT();
  const m = useMessages(auditMessages);
  const units = useOrgUnits();
  const unitNames = useMemo(() => new Map((units.data ?? []).map((u) => [u.id, u.name])), [units.data]);
  return (key: string, value: unknown): string => {
    if (value === null || value === undefined || value === '') return '—';
    if (typeof value === 'boolean') return value ? m.diff.yes : m.diff.no;
    if (typeof value === 'string') {
      if (UNIT_KEYS.has(key)) return unitNames.get(value) ?? value;
      if (key === 'gender' && value in t.genders) return t.genders[value as keyof typeof t.genders];
      if (key === 'category' && value in t.categories)
        return t.categories[value as keyof typeof t.categories];
      if (key === 'level' && value in t.ratingLevels)
        return `${value} – ${t.ratingLevels[value as keyof typeof t.ratingLevels]}`;
      if (key === 'awardCode' && value in t.awardNames)
        return t.awardNames[value as keyof typeof t.awardNames];
      if (key === 'kind' && value in t.kinds) return t.kinds[value as keyof typeof t.kinds];
      if (key === 'roles' && value in t.roles) return t.roles[value as keyof typeof t.roles];
      if (ISO_DATE.test(value)) return formatDate(value);
      if (ISO_TIME.test(value) && dayjs(value).isValid()) return dayjs(value).format('DD/MM/YYYY HH:mm:ss');
      return value;
    }
    if (Array.isArray(value) && value.every((v) => typeof v === 'string')) {
      return value
        .map((v) => (key === 'roles' && v in t.roles ? t.roles[v as keyof typeof t.roles] : v))
        .join(', ');
    }
    return typeof value === 'object' ? JSON.stringify(value) : String(value);
  };
}

/** What one entry changed: its fields before and after, the changed ones highlighted. */
export function AuditChanges({ seq }: { seq: number }) {
  const m = useMessages(auditMessages);
  const [all, setAll] = useState(false);
  const entry = useAsync((signal) => auditApi.entry(seq, signal), [seq]);
  const format = useFormatValue();

  const columns = useMemo<TableColumnsType<AuditFieldChange>>(
    () => [
      {
        key: 'field',
        title: m.diff.field,
        width: '28%',
        render: (_, f) => (
          <Typography.Text strong={f.changed} title={f.key}>
            {m.fields[f.key] ?? f.key}
          </Typography.Text>
        ),
      },
      {
        key: 'before',
        title: m.diff.before,
        render: (_, f) => <span className="vd-audit-value">{format(f.key, f.before)}</span>,
      },
      {
        key: 'after',
        title: m.diff.after,
        render: (_, f) => <span className="vd-audit-value">{format(f.key, f.after)}</span>,
      },
    ],
    [m, format],
  );

  if (entry.error) return <ErrorAlert error={entry.error} onRetry={entry.reload} />;
  const data = entry.data;
  if (!data) return <Skeleton active paragraph={{ rows: 3 }} title={false} />;
  const changed = data.fields.filter((f) => f.changed);
  const unchanged = data.fields.length - changed.length;
  const rows = all || changed.length === 0 ? data.fields : changed;

  return (
    <Flex vertical gap={8} className="vd-audit-changes" data-seq={seq}>
      {data.reason && (
        <Typography.Text>
          <Typography.Text strong>{m.diff.reason}:</Typography.Text> {data.reason}
        </Typography.Text>
      )}
      {data.fields.length === 0 ? (
        <Typography.Text type="secondary">{m.diff.noChanges}</Typography.Text>
      ) : (
        <Table<AuditFieldChange>
          size="small"
          rowKey="key"
          pagination={false}
          tableLayout="fixed"
          columns={columns}
          dataSource={rows}
          rowClassName={(f) => (f.changed ? 'vd-audit-changed' : '')}
        />
      )}
      <Flex gap={12} wrap align="center" justify="space-between">
        {unchanged > 0 && changed.length > 0 ? (
          <label style={{ display: 'inline-flex', gap: 8, alignItems: 'center', fontSize: 13 }}>
            <Switch size="small" checked={all} onChange={setAll} />
            {m.diff.showUnchanged} ({unchanged})
          </label>
        ) : (
          <span />
        )}
        <Typography.Text type="secondary" style={{ fontSize: 12 }} copyable={{ text: data.hash }}>
          {m.diff.seq(data.seq)} · {m.diff.hash} {data.hash.slice(0, 12)}…
        </Typography.Text>
      </Flex>
    </Flex>
  );
}
