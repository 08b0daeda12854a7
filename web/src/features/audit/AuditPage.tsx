import { FilterOutlined, SearchOutlined } from '@ant-design/icons';
import { Button, Card, DatePicker, Flex, Grid, Input, List, Select, Table, Tag, Typography } from 'antd';
import type { TableColumnsType } from 'antd';
import dayjs from 'dayjs';
import { useEffect, useMemo, useState } from 'react';
import { Link, useSearchParams } from 'react-router';
import {
  AUDIT_ACTIONS,
  AUDIT_ENTITY_TYPES,
  auditActionName,
  auditEntityTypeName,
} from '../../../../contract/audit';
import { useLanguage, useMessages } from '../../app/language';
import { EmptyState } from '../../components/EmptyState';
import { ErrorAlert } from '../../components/ErrorAlert';
import { OrgUnitPicker } from '../../components/OrgUnitPicker';
import { PageHeader } from '../../components/PageHeader';
import { DATE_FORMAT, fromIsoDate, toIsoDate } from '../../lib/dates';
import { fold } from '../../lib/text';
import { useAsync } from '../../lib/use-async';
import { jobsMessages } from '../jobs/messages';
import { useOrgUnits } from '../org-units/use-org-units';
import { auditApi, type AuditEntrySummary, type AuditQuery } from './audit-api';
import { AuditChanges } from './AuditChanges';
import { ChainCard } from './ChainCard';
import { auditMessages } from './messages';

const PAGE_SIZE = 50;
const TYPING_DELAY_MS = 350;
const when = (iso: string) => dayjs(iso).format('DD/MM/YYYY HH:mm:ss');

/** Where an entry's item lives in the application, when it has a page. */
function entityHref(e: AuditEntrySummary): string | undefined {
  if (e.personId) return `/people/${e.personId}`;
  if (e.entityType === 'org_unit') return `/org-units?unit=${encodeURIComponent(e.entityId)}`;
  if (e.entityType === 'document') return '/documents';
  if (e.entityType === 'job') return '/jobs';
  if (e.entityType === 'calendar_year') return '/calendar';
  if (e.entityType === 'setting') return '/rule-settings';
  return undefined;
}

/** A text field that writes to the address after a short pause (the address is replaced, not pushed). */
function useTypedParam(name: string): [string, (value: string) => void] {
  const [params, setParams] = useSearchParams();
  const current = params.get(name) ?? '';
  const [input, setInput] = useState(current);
  useEffect(() => setInput((v) => (v.trim() === current.trim() ? v : current)), [current]);
  useEffect(() => {
    if (input.trim() === current.trim()) return;
    const timer = window.setTimeout(() => {
      const next = new URLSearchParams(params);
      if (input.trim()) next.set(name, input.trim());
      else next.delete(name);
      setParams(next, { replace: true });
    }, TYPING_DELAY_MS);
    return () => window.clearTimeout(timer);
  }, [input, current, name, params, setParams]);
  return [input, setInput];
}

/**
 * "Nhật ký hoạt động": who did what and when in the user's scope, newest first, filtered by the address
 * (?q=&actor=&action=&unit=&from=&to=&person=&type=&entity=), a page at a time ("Xem thêm"); a row opens
 * to what it changed. The chain's integrity is shown on top.
 */
export default function AuditPage() {
  const m = useMessages(auditMessages);
  const jobs = useMessages(jobsMessages);
  const { lang } = useLanguage();
  const [params, setParams] = useSearchParams();
  const units = useOrgUnits();
  const screens = Grid.useBreakpoint();
  const phone = screens.md === false;
  const [q, setQ] = useTypedParam('q');
  const [actor, setActor] = useTypedParam('actor');
  const [moreFilters, setMoreFilters] = useState(false);

  const filters: AuditQuery = {
    q: params.get('q') || undefined,
    actor: params.get('actor') || undefined,
    action: params.get('action') || undefined,
    orgUnitId: params.get('unit') || undefined,
    from: params.get('from') || undefined,
    to: params.get('to') || undefined,
    personId: params.get('person') || undefined,
    entityType: params.get('type') || undefined,
    entityId: params.get('entity') || undefined,
  };
  const key = JSON.stringify(filters);
  // on a phone the filters beyond the search fold away, unless one of them is in use
  const narrowed = [filters.action, filters.orgUnitId, filters.actor, filters.from, filters.to].some(Boolean);
  const set = (changes: Record<string, string | undefined>) => {
    const next = new URLSearchParams(params);
    for (const [k, v] of Object.entries(changes)) {
      if (v) next.set(k, v);
      else next.delete(k);
    }
    setParams(next);
  };

  const first = useAsync((signal) => auditApi.list({ ...filters, limit: PAGE_SIZE }, signal), [key]);
  const [more, setMore] = useState<{ key: string; items: AuditEntrySummary[]; nextBefore: number | null }>();
  const [loadingMore, setLoadingMore] = useState(false);
  const [moreError, setMoreError] = useState<string>();
  const extra = more?.key === key ? more : undefined;
  const items = useMemo(() => [...(first.data?.items ?? []), ...(extra?.items ?? [])], [first.data, extra]);
  const nextBefore = extra ? extra.nextBefore : (first.data?.nextBefore ?? null);
  const loadMore = async () => {
    if (nextBefore === null) return;
    setLoadingMore(true);
    setMoreError(undefined);
    try {
      const page = await auditApi.list({ ...filters, limit: PAGE_SIZE, before: nextBefore });
      setMore({ key, items: [...(extra?.items ?? []), ...page.items], nextBefore: page.nextBefore });
    } catch (error) {
      setMoreError(error instanceof Error ? error.message : String(error));
    } finally {
      setLoadingMore(false);
    }
  };

  const actionOptions = useMemo(
    () =>
      AUDIT_ENTITY_TYPES.map((type) => {
        const typeName = auditEntityTypeName(type, lang);
        return {
          label: typeName,
          title: typeName,
          options: [
            { value: `${type}.`, label: m.filters.anyAction(typeName) },
            ...AUDIT_ACTIONS.filter((a) => a.startsWith(`${type}.`)).map((a) => ({
              value: a,
              label: auditActionName(a, lang),
            })),
          ],
        };
      }),
    [lang, m],
  );

  const fieldNames = (keys: string[]) => keys.map((k) => m.fields[k] ?? k).join(', ');
  const entityText = (e: AuditEntrySummary) => {
    if (e.entityType === 'job' && e.entityLabel && e.entityLabel in jobs.kinds) {
      return jobs.kinds[e.entityLabel as keyof typeof jobs.kinds];
    }
    if (e.entityType === 'calendar_year') return `${auditEntityTypeName(e.entityType, lang)} ${e.entityId}`;
    return e.entityLabel ?? e.entityId;
  };
  const entityCell = (e: AuditEntrySummary) => {
    const href = entityHref(e);
    const text = entityText(e);
    return (
      <Flex vertical gap={0} style={{ minWidth: 0 }}>
        {href ? (
          <Link to={href} className="vd-name-cell">
            {text}
          </Link>
        ) : (
          <Typography.Text className="vd-name-cell">{text}</Typography.Text>
        )}
        <Typography.Text type="secondary" style={{ fontSize: 12 }}>
          {auditEntityTypeName(e.entityType, lang)}
        </Typography.Text>
      </Flex>
    );
  };
  const actorText = (e: AuditEntrySummary) => e.actorFullName ?? m.system;
  const actionCell = (e: AuditEntrySummary) => (
    <Flex vertical gap={2} style={{ minWidth: 0 }}>
      <span>
        <Tag
          color={e.action.endsWith('.delete') ? 'red' : 'blue'}
          className="vd-audit-action"
          data-action={e.action}
        >
          {auditActionName(e.action, lang)}
        </Tag>
      </span>
      {e.changedFields.length > 0 && (
        <Typography.Text type="secondary" style={{ fontSize: 12 }}>
          {m.changed(fieldNames(e.changedFields))}
        </Typography.Text>
      )}
    </Flex>
  );

  const columns: TableColumnsType<AuditEntrySummary> = [
    { key: 'at', title: m.col.at, width: 170, render: (_, e) => when(e.at) },
    {
      key: 'actor',
      title: m.col.actor,
      width: 200,
      render: (_, e) => (
        <Flex vertical gap={0} style={{ minWidth: 0 }}>
          <span className="vd-cell-ellipsis">{actorText(e)}</span>
          <Typography.Text type="secondary" style={{ fontSize: 12 }}>
            {e.actorUsername}
          </Typography.Text>
        </Flex>
      ),
    },
    { key: 'action', title: m.col.action, width: 260, render: (_, e) => actionCell(e) },
    { key: 'entity', title: m.col.entity, render: (_, e) => entityCell(e) },
    {
      key: 'unit',
      title: m.col.unit,
      width: 200,
      render: (_, e) => <span className="vd-cell-ellipsis">{e.orgUnitName ?? '—'}</span>,
    },
  ];

  const filtered = Object.values(filters).some((v) => v !== undefined);
  const empty = first.loading ? (
    <div style={{ height: 160 }} />
  ) : filtered ? (
    <EmptyState
      title={m.empty}
      hint={m.emptyHint}
      action={<Button onClick={() => setParams(new URLSearchParams())}>{m.filters.clear}</Button>}
    />
  ) : (
    <EmptyState title={m.emptyNoData} />
  );

  return (
    <>
      <PageHeader title={m.title} description={m.description} />
      <ChainCard />
      <Card>
        <Flex gap={12} wrap style={{ marginBottom: 16 }} className="vd-audit-filters">
          <Input
            allowClear
            style={{ flex: '2 1 300px' }}
            prefix={<SearchOutlined style={{ color: '#9ca3af' }} />}
            placeholder={m.filters.q}
            aria-label={m.filters.q}
            value={q}
            onChange={(e) => setQ(e.target.value)}
          />
          {phone && (
            <Button
              icon={<FilterOutlined />}
              type={moreFilters || narrowed ? 'primary' : 'default'}
              ghost={moreFilters || narrowed}
              onClick={() => setMoreFilters((v) => !v)}
              aria-expanded={moreFilters || narrowed}
            >
              {m.filters.more}
            </Button>
          )}
          {(!phone || moreFilters || narrowed) && (
            <>
              <Select
                allowClear
                showSearch={{
                  filterOption: (input, o) => fold(String(o?.label ?? '')).includes(fold(input)),
                }}
                style={{ flex: '1 1 240px', minWidth: 0 }}
                placeholder={m.filters.action}
                aria-label={m.filters.action}
                options={actionOptions}
                value={filters.action}
                onChange={(v: string | undefined) => set({ action: v })}
                popupMatchSelectWidth={false}
              />
              <OrgUnitPicker
                style={{ flex: '1 1 240px', minWidth: 0 }}
                units={units.data ?? []}
                loading={units.loading}
                includeHistorical
                allowClear
                placeholder={m.filters.unit}
                value={filters.orgUnitId}
                onChange={(v) => set({ unit: v })}
              />
              <Input
                allowClear
                style={{ flex: '1 1 180px' }}
                placeholder={m.filters.actor}
                aria-label={m.filters.actor}
                value={actor}
                onChange={(e) => setActor(e.target.value)}
              />
              <Flex gap={8} style={{ flex: '1 1 300px' }}>
                <DatePicker
                  style={{ flex: 1, minWidth: 0 }}
                  format={DATE_FORMAT}
                  placeholder={m.filters.from}
                  aria-label={m.filters.from}
                  value={fromIsoDate(filters.from)}
                  onChange={(d) => set({ from: toIsoDate(d) ?? undefined })}
                />
                <DatePicker
                  style={{ flex: 1, minWidth: 0 }}
                  format={DATE_FORMAT}
                  placeholder={m.filters.to}
                  aria-label={m.filters.to}
                  value={fromIsoDate(filters.to)}
                  onChange={(d) => set({ to: toIsoDate(d) ?? undefined })}
                />
              </Flex>
            </>
          )}
        </Flex>
        {(filters.personId || filters.entityId || filters.entityType) && (
          <Flex gap={8} wrap style={{ marginBottom: 12 }}>
            {filters.personId && (
              <Tag closable onClose={() => set({ person: undefined })}>
                {m.filters.person}
                {items[0]?.personId === filters.personId && items[0].entityLabel
                  ? `: ${items[0].entityLabel.split(' · ')[0]}`
                  : ''}
              </Tag>
            )}
            {(filters.entityId || filters.entityType) && (
              <Tag closable onClose={() => set({ entity: undefined, type: undefined })}>
                {m.filters.entity}: {filters.entityType ? auditEntityTypeName(filters.entityType, lang) : ''}{' '}
                {filters.entityId ?? ''}
              </Tag>
            )}
          </Flex>
        )}
        {first.error ? (
          <ErrorAlert error={first.error} onRetry={first.reload} />
        ) : phone ? (
          <List
            className="vd-audit-list"
            loading={first.loading && items.length === 0}
            dataSource={items}
            locale={{ emptyText: empty }}
            renderItem={(e) => (
              <PhoneRow
                entry={e}
                action={actionCell(e)}
                entity={entityCell(e)}
                line={`${actorText(e)} · ${e.orgUnitName ?? '—'}`}
              />
            )}
          />
        ) : (
          <Table<AuditEntrySummary>
            className="vd-audit-table"
            rowKey="seq"
            size="middle"
            tableLayout="fixed"
            scroll={{ x: 1000 }}
            loading={first.loading}
            columns={columns}
            dataSource={items}
            pagination={false}
            expandable={{ expandedRowRender: (e) => <AuditChanges seq={e.seq} /> }}
            locale={{ emptyText: empty }}
          />
        )}
        {items.length > 0 && (
          <Flex vertical align="center" gap={6} style={{ marginTop: 16 }}>
            <Typography.Text type="secondary" style={{ fontSize: 13 }}>
              {m.shown(items.length)}
            </Typography.Text>
            {nextBefore !== null ? (
              <Button onClick={() => void loadMore()} loading={loadingMore}>
                {m.loadMore}
              </Button>
            ) : (
              <Typography.Text type="secondary" style={{ fontSize: 13 }}>
                {m.end}
              </Typography.Text>
            )}
            {moreError && <Typography.Text type="danger">{moreError}</Typography.Text>}
          </Flex>
        )}
      </Card>
    </>
  );
}

/** An entry at phone width: the action and time, the item, who and where; the changes on demand. */
function PhoneRow({
  entry,
  action,
  entity,
  line,
}: {
  entry: AuditEntrySummary;
  action: React.ReactNode;
  entity: React.ReactNode;
  line: string;
}) {
  const m = useMessages(auditMessages);
  const [open, setOpen] = useState(false);
  return (
    <List.Item className="vd-audit-phone-row" style={{ display: 'block', paddingInline: 0 }}>
      <Flex justify="space-between" align="flex-start" gap={8}>
        <div style={{ minWidth: 0 }}>{action}</div>
        <Typography.Text type="secondary" style={{ fontSize: 12, whiteSpace: 'nowrap' }}>
          {when(entry.at)}
        </Typography.Text>
      </Flex>
      <div style={{ marginTop: 4 }}>{entity}</div>
      <Typography.Text type="secondary" style={{ fontSize: 13, display: 'block', marginTop: 2 }}>
        {line}
      </Typography.Text>
      <Button type="link" size="small" style={{ paddingInline: 0 }} onClick={() => setOpen((v) => !v)}>
        {open ? m.hideChanges : m.showChanges}
      </Button>
      {open && <AuditChanges seq={entry.seq} />}
    </List.Item>
  );
}
