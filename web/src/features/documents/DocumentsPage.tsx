import { ResponsiveTable } from '../../components/ResponsiveTable';
import { FilePdfOutlined } from '@ant-design/icons';
import { Button, Card, Flex, Select, Tag, Tooltip, Typography } from 'antd';
import type { TableColumnsType } from 'antd';
import { useMemo } from 'react';
import { Link, useSearchParams } from 'react-router';
import { useMessages } from '../../app/language';
import { EmptyState } from '../../components/EmptyState';
import { ErrorAlert } from '../../components/ErrorAlert';
import { PageHeader } from '../../components/PageHeader';
import { api, documentPdfUrl, type DocumentEntry, type DocumentKind } from '../../lib/api';
import { currentYear, formatDate } from '../../lib/dates';
import { useAsync } from '../../lib/use-async';
import { documentsMessages } from './messages';

const KINDS: DocumentKind[] = ['commendation_record', 'eligible_list'];
const KIND_COLOURS: Record<DocumentKind, string> = { commendation_record: 'red', eligible_list: 'gold' };
const PAGE_SIZES = [20, 50, 100];

function positiveInt(raw: string | null, fallback: number): number {
  const n = Number(raw);
  return Number.isInteger(n) && n > 0 ? n : fallback;
}

/** "2026-11-23T03:00:00.000Z" → "23/11/2026 10:00" in Vietnam's time. */
function formatInstant(iso: string): string {
  const local = new Date(Date.parse(iso) + 7 * 3600_000).toISOString();
  return `${formatDate(local.slice(0, 10))} ${local.slice(11, 16)}`;
}

/**
 * "Sổ văn bản": the numbered documents issued in the actor's scope, newest first, each downloadable
 * exactly as issued. Filters and page live in the address (?kind=&year=&page=&size=).
 */
export default function DocumentsPage() {
  const m = useMessages(documentsMessages);
  const [params, setParams] = useSearchParams();

  const kindRaw = params.get('kind');
  const kind = KINDS.find((k) => k === kindRaw);
  const yearRaw = Number(params.get('year'));
  const year = Number.isInteger(yearRaw) && yearRaw > 1990 ? yearRaw : undefined;
  const size = PAGE_SIZES.includes(positiveInt(params.get('size'), 20))
    ? positiveInt(params.get('size'), 20)
    : 20;
  const page = positiveInt(params.get('page'), 1);

  const update = (changes: Record<string, string | number | undefined>) => {
    const next = new URLSearchParams(params);
    for (const [key, value] of Object.entries(changes)) {
      if (
        value === undefined ||
        value === '' ||
        (key === 'page' && value === 1) ||
        (key === 'size' && value === 20)
      )
        next.delete(key);
      else next.set(key, String(value));
    }
    setParams(next, { replace: true });
  };

  const list = useAsync(
    (signal) => api.documents({ kind, year, limit: size, offset: (page - 1) * size }, signal),
    [kind, year, page, size],
  );

  const years = useMemo(() => Array.from({ length: 6 }, (_, i) => currentYear() - i), []);

  const columns = useMemo<TableColumnsType<DocumentEntry>>(
    () => [
      {
        key: 'notation',
        title: m.col.notation,
        width: 150,
        render: (_, d) => (
          <Flex vertical gap={2}>
            <Typography.Text strong className="vd-doc-notation">
              {d.notation}
            </Typography.Text>
            <Typography.Text type="secondary" style={{ fontSize: 13 }}>
              {formatDate(d.documentDate)}
            </Typography.Text>
          </Flex>
        ),
      },
      {
        key: 'title',
        title: m.col.title,
        render: (_, d) => (
          <Flex vertical gap={4} align="flex-start">
            {d.subjectType === 'person' ? (
              <Link to={`/people/${d.subjectId}`}>{d.title}</Link>
            ) : (
              <span>{d.title}</span>
            )}
            <Tag color={KIND_COLOURS[d.kind]} style={{ marginInlineEnd: 0 }}>
              {m.kinds[d.kind]}
            </Tag>
          </Flex>
        ),
      },
      {
        key: 'unit',
        title: m.col.unit,
        width: 190,
        render: (_, d) => (
          <Flex vertical gap={2} style={{ minWidth: 0 }}>
            <Tooltip title={d.orgUnitName} placement="topLeft">
              <span className="vd-cell-ellipsis">{d.orgUnitName}</span>
            </Tooltip>
            {d.issuerOrgUnitId !== d.orgUnitId && (
              <Tooltip title={`${m.col.issuer}: ${d.issuerName}`} placement="topLeft">
                <Typography.Text type="secondary" className="vd-cell-ellipsis" style={{ fontSize: 13 }}>
                  {m.col.issuer}: {d.issuerName}
                </Typography.Text>
              </Tooltip>
            )}
          </Flex>
        ),
      },
      {
        key: 'createdBy',
        title: m.col.createdBy,
        width: 190,
        render: (_, d) => (
          <Flex vertical gap={2}>
            <span>{d.createdByName}</span>
            <Typography.Text type="secondary" style={{ fontSize: 13 }}>
              {formatInstant(d.createdAt)}
            </Typography.Text>
          </Flex>
        ),
      },
      {
        key: 'file',
        title: m.col.file,
        width: 150,
        render: (_, d) => (
          <Flex vertical gap={2} align="flex-start">
            <Button
              type="link"
              icon={<FilePdfOutlined />}
              href={documentPdfUrl(d.id)}
              download
              style={{ paddingInline: 0, height: 'auto' }}
              aria-label={`${m.download} ${d.notation}`}
            >
              {m.download}
            </Button>
            <Tooltip title={`${m.hashTitle}: ${d.sha256}`}>
              <Typography.Text type="secondary" style={{ fontSize: 12 }}>
                {m.size(d.sizeBytes)} · {d.sha256.slice(0, 8)}
              </Typography.Text>
            </Tooltip>
          </Flex>
        ),
      },
    ],
    [m],
  );

  const filtered = kind !== undefined || year !== undefined;

  return (
    <>
      <PageHeader title={m.title} description={m.description} />
      <Card>
        <Flex gap={12} wrap style={{ marginBottom: 16 }}>
          <Select<DocumentKind>
            allowClear
            aria-label={m.col.kind}
            style={{ flex: '0 1 300px', minWidth: 220 }}
            placeholder={m.allKinds}
            value={kind}
            onChange={(value) => update({ kind: value, page: undefined })}
            options={KINDS.map((k) => ({ value: k, label: m.kinds[k] }))}
          />
          <Select<number>
            allowClear
            aria-label={m.col.date}
            style={{ width: 180 }}
            placeholder={m.allYears}
            value={year}
            onChange={(value) => update({ year: value, page: undefined })}
            options={years.map((y) => ({ value: y, label: String(y) }))}
          />
        </Flex>
        {list.error ? (
          <ErrorAlert error={list.error} onRetry={list.reload} />
        ) : (
          <ResponsiveTable<DocumentEntry>
            rowKey="id"
            size="middle"
            tableLayout="fixed"
            scroll={{ x: 1000 }}
            loading={list.loading}
            columns={columns}
            dataSource={list.data?.items ?? []}
            locale={{
              emptyText: list.loading ? (
                <div style={{ height: 160 }} />
              ) : filtered ? (
                <EmptyState
                  title={m.emptyFiltered}
                  action={
                    <Button onClick={() => setParams(new URLSearchParams(), { replace: true })}>
                      {m.clearFilters}
                    </Button>
                  }
                />
              ) : (
                <EmptyState
                  title={m.empty}
                  hint={m.emptyHint}
                  action={
                    <Link to="/people">
                      <Button type="primary">{m.goToPeople}</Button>
                    </Link>
                  }
                />
              ),
            }}
            pagination={{
              current: page,
              pageSize: size,
              total: list.data?.total ?? 0,
              showSizeChanger: true,
              pageSizeOptions: PAGE_SIZES,
              hideOnSinglePage: (list.data?.total ?? 0) <= 20,
              showTotal: (total, [from, to]) => m.range(from, to, total),
              onChange: (p, s) => update({ page: s !== size ? undefined : p, size: s }),
            }}
          />
        )}
      </Card>
    </>
  );
}
