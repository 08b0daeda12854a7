import { ResponsiveTable } from '../../components/ResponsiveTable';
import { CheckCircleFilled, SearchOutlined } from '@ant-design/icons';
import { Card, Flex, Input, Tag, Typography } from 'antd';
import type { TableColumnsType } from 'antd';
import { useMemo, useState } from 'react';
import { Link } from 'react-router';
import { useT } from '../../app/language';
import { EmptyState } from '../../components/EmptyState';
import { ErrorAlert } from '../../components/ErrorAlert';
import { Highlight } from '../../components/Highlight';
import { PageHeader } from '../../components/PageHeader';
import { api, type AwardSummary } from '../../lib/api';
import { fold } from '../../lib/text';
import { useAsync } from '../../lib/use-async';

/** "Danh mục khen thưởng": every title and form of commendation, in the catalogue's order. */
export default function CataloguePage() {
  const t = useT();
  const { data, error, loading, reload } = useAsync((signal) => api.catalogue(signal), []);
  const [q, setQ] = useState('');
  const c = t.eligibility.catalogue;

  const rows = useMemo(() => {
    const needle = fold(q.trim());
    const items = data?.items ?? [];
    if (!needle) return items;
    return items.filter(
      (a) =>
        fold(t.awardNames[a.code]).includes(needle) ||
        fold(a.nameVi).includes(needle) ||
        fold(a.code).includes(needle),
    );
  }, [data, q, t]);

  const columns = useMemo<TableColumnsType<AwardSummary>>(
    () => [
      {
        key: 'name',
        title: c.col.name,
        render: (_, a) => (
          <Link to={`/awards/${a.code}`} className="vd-name-cell">
            <Highlight text={t.awardNames[a.code]} query={q} />
          </Link>
        ),
      },
      {
        key: 'code',
        title: c.col.code,
        width: 150,
        render: (_, a) => <Typography.Text code>{a.code}</Typography.Text>,
      },
      { key: 'kind', title: c.col.kind, width: 170, render: (_, a) => t.eligibility.kinds[a.kind] },
      { key: 'level', title: c.col.level, width: 150, render: (_, a) => t.eligibility.levels[a.level] },
      {
        key: 'subjects',
        title: c.col.subjects,
        width: 190,
        render: (_, a) => (
          <Flex gap={4} wrap>
            {a.subjects.map((s) => (
              <Tag key={s} style={{ marginInlineEnd: 0 }}>
                {t.eligibility.subjects[s]}
              </Tag>
            ))}
          </Flex>
        ),
      },
      {
        key: 'rules',
        title: c.col.rules,
        width: 130,
        render: (_, a) =>
          a.hasRules ? (
            <Tag color="green" icon={<CheckCircleFilled />} style={{ marginInlineEnd: 0 }}>
              {c.hasRules}
            </Tag>
          ) : (
            <Typography.Text type="secondary">{c.noRules}</Typography.Text>
          ),
      },
    ],
    [t, c, q],
  );

  return (
    <>
      <PageHeader title={c.title} description={c.description} />
      <Card>
        <Flex gap={12} wrap align="center" justify="space-between" style={{ marginBottom: 16 }}>
          <Input
            allowClear
            size="large"
            style={{ flex: '0 1 460px' }}
            prefix={<SearchOutlined style={{ color: '#9ca3af' }} />}
            placeholder={c.search}
            aria-label={c.search}
            value={q}
            onChange={(e) => setQ(e.target.value)}
          />
          {data && <Typography.Text type="secondary">{c.count(data.items.length)}</Typography.Text>}
        </Flex>
        {error ? (
          <ErrorAlert error={error} onRetry={reload} />
        ) : (
          <ResponsiveTable<AwardSummary>
            rowKey="code"
            size="middle"
            tableLayout="fixed"
            scroll={{ x: 1100 }}
            loading={loading}
            columns={columns}
            dataSource={rows}
            pagination={false}
            locale={{
              emptyText: loading ? <div style={{ height: 160 }} /> : <EmptyState title={c.empty} />,
            }}
          />
        )}
      </Card>
    </>
  );
}
