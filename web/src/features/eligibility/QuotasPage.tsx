import { ResponsiveTable } from '../../components/ResponsiveTable';
import { Alert, Card, Flex, Spin, Tag, Tooltip, Typography } from 'antd';
import type { TableColumnsType } from 'antd';
import { useMemo } from 'react';
import { Link, useSearchParams } from 'react-router';
import { useT } from '../../app/language';
import { EmptyState } from '../../components/EmptyState';
import { ErrorAlert } from '../../components/ErrorAlert';
import { OrgUnitPicker } from '../../components/OrgUnitPicker';
import { PageHeader } from '../../components/PageHeader';
import { api, type QuotaReport } from '../../lib/api';
import { useAsync } from '../../lib/use-async';
import { useOrgUnits } from '../org-units/use-org-units';
import { pct, useRuleSets, YearSelect } from './shared';

type Row = QuotaReport['units'][number];

/** The share as a bar on a common scale, with the cap as a vertical mark. */
function ShareBar({ row, cap, scale }: { row: Row; cap: number | null; scale: number }) {
  const t = useT();
  if (row.sharePct === null) {
    return <Typography.Text type="secondary">{t.eligibility.quotas.noShare}</Typography.Text>;
  }
  return (
    <div className={row.overCap ? 'vd-share vd-share-over' : 'vd-share'}>
      <div className="vd-share-track">
        <div className="vd-share-fill" style={{ width: `${Math.min(100, (row.sharePct / scale) * 100)}%` }} />
        {cap !== null && (
          <Tooltip title={`${t.eligibility.quotas.cap}: ${pct(cap)}`}>
            <div className="vd-share-cap" style={{ left: `${(cap / scale) * 100}%` }} />
          </Tooltip>
        )}
      </div>
      <span className="vd-share-value">
        <strong>{pct(row.sharePct)}</strong>
      </span>
    </div>
  );
}

function part(n: number, of: number) {
  return (
    <span>
      {n.toLocaleString('vi-VN')}
      {of > 0 && n > 0 && (
        <Typography.Text type="secondary" style={{ fontSize: 12 }}>
          {' '}
          ({pct((n / of) * 100)})
        </Typography.Text>
      )}
    </span>
  );
}

/** "Tỷ lệ khen thưởng": CSTĐCS among LĐTT per unit against the cap, and who the CSTĐCS are. */
export default function QuotasPage() {
  const t = useT();
  const q = t.eligibility.quotas;
  const [params, setParams] = useSearchParams();
  const orgUnits = useOrgUnits();
  const ruleSets = useRuleSets();
  const unit = params.get('unit') ?? undefined;
  const yearRaw = Number(params.get('year'));
  const year = Number.isInteger(yearRaw) && yearRaw > 1990 ? yearRaw : undefined;
  const { data, error, loading, reload } = useAsync(
    (signal) => api.quotas({ orgUnitId: unit, year }, signal),
    [unit, year],
  );

  const update = (key: string, value: string | undefined) => {
    const next = new URLSearchParams(params);
    if (value) next.set(key, value);
    else next.delete(key);
    setParams(next, { replace: true });
  };

  const cap = data?.capPct ?? null;
  const scale = useMemo(() => {
    const shares = (data?.units ?? []).map((u) => u.sharePct ?? 0);
    const top = Math.max(cap !== null ? cap * 1.6 : 0, ...shares, 10);
    return Math.min(100, Math.ceil(top / 10) * 10);
  }, [data, cap]);

  const columns = useMemo<TableColumnsType<Row>>(
    () => [
      {
        key: 'unit',
        title: q.col.unit,
        width: 220,
        fixed: 'left',
        render: (_, r) => (
          <Flex vertical gap={2}>
            <Link to={`/org-units?unit=${encodeURIComponent(r.orgUnitId)}`}>{r.orgUnitName}</Link>
            {r.overCap && (
              <span>
                <Tag color="red">{q.overCap}</Tag>
              </span>
            )}
          </Flex>
        ),
      },
      { key: 'members', title: q.col.members, width: 80, align: 'right', render: (_, r) => r.members },
      { key: 'ldtt', title: q.col.ldtt, width: 100, align: 'right', render: (_, r) => r.ldtt },
      { key: 'cstdcs', title: q.col.cstdcs, width: 100, align: 'right', render: (_, r) => r.cstdcs },
      {
        key: 'share',
        title: q.col.share,
        width: 250,
        render: (_, r) => <ShareBar row={r} cap={cap} scale={scale} />,
      },
      {
        key: 'fairness',
        title: q.col.fairness,
        children: [
          {
            key: 'leaders',
            title: q.col.leaders,
            width: 100,
            align: 'right',
            render: (_, r) => part(r.cstdcsLeaders, r.cstdcs),
          },
          {
            key: 'direct',
            title: q.col.directWorkers,
            width: 120,
            align: 'right',
            render: (_, r) => part(r.cstdcsDirectWorkers, r.cstdcs),
          },
          {
            key: 'women',
            title: q.col.women,
            width: 100,
            align: 'right',
            render: (_, r) => part(r.cstdcsWomen, r.cstdcs),
          },
        ],
      },
    ],
    [q, cap, scale],
  );

  const ruleSet = data?.ruleSetId ? ruleSets.get(data.ruleSetId) : undefined;
  const overCount = data?.units.filter((u) => u.overCap).length ?? 0;

  return (
    <>
      <PageHeader title={q.title} description={q.description} />
      <Flex vertical gap={16}>
        <Card>
          <Flex gap={12} wrap align="center">
            <YearSelect value={year ?? data?.year} onChange={(y) => update('year', String(y))} />
            <OrgUnitPicker
              style={{ flex: '0 1 360px', minWidth: 0 }}
              units={orgUnits.data ?? []}
              loading={orgUnits.loading}
              allowClear
              placeholder={t.eligibility.now.unitPlaceholder}
              value={unit}
              onChange={(value) => update('unit', value)}
            />
            {data && (
              <Flex gap={16} wrap style={{ marginInlineStart: 'auto' }}>
                <span>
                  <Typography.Text type="secondary">{q.cap}: </Typography.Text>
                  <strong>{cap !== null ? pct(cap) : q.capNone}</strong>
                </span>
                <span>
                  <Typography.Text type="secondary">{q.overCapCount}: </Typography.Text>
                  <strong style={{ color: overCount > 0 ? '#dc2626' : undefined }}>{overCount}</strong>
                </span>
              </Flex>
            )}
          </Flex>
          {ruleSet && (
            <Typography.Text type="secondary" style={{ display: 'block', marginTop: 8, fontSize: 12 }}>
              {q.ruleSet}: {ruleSet.nameVi}
            </Typography.Text>
          )}
          {data && !data.capUncertain && data.capBasis && (
            <Typography.Text type="secondary" style={{ display: 'block', fontSize: 12 }}>
              {q.basis(data.capBasis)}
            </Typography.Text>
          )}
        </Card>

        {data?.capUncertain && (
          <Alert
            type="info"
            showIcon
            className="vd-cap-uncertain"
            title={q.uncertainTitle}
            description={
              <div>
                <div>{q.uncertainText}</div>
                <div style={{ marginTop: 4 }}>
                  {cap === null ? q.uncertainNone : q.uncertainSet(pct(cap))}
                </div>
                {data.capBasis && <div className="vd-basis">{q.basis(data.capBasis)}</div>}
              </div>
            }
          />
        )}

        {error ? (
          <ErrorAlert error={error} onRetry={reload} />
        ) : (
          <Card>
            <Spin spinning={loading} description={t.eligibility.loading}>
              <ResponsiveTable<Row>
                rowKey="orgUnitId"
                size="middle"
                bordered
                tableLayout="fixed"
                scroll={{ x: 1070 }}
                columns={columns}
                dataSource={data?.units ?? []}
                rowClassName={(r) => (r.overCap ? 'vd-row-over' : '')}
                pagination={false}
                locale={{
                  emptyText: loading ? (
                    <div style={{ height: 160 }} />
                  ) : (
                    <EmptyState title={q.empty} hint={q.emptyHint} />
                  ),
                }}
              />
            </Spin>
          </Card>
        )}
      </Flex>
    </>
  );
}
