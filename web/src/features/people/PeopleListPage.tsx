import { ResponsiveTable } from '../../components/ResponsiveTable';
import { PlusOutlined, SearchOutlined } from '@ant-design/icons';
import { Button, Card, Flex, Input, Tooltip, Typography } from 'antd';
import type { TableColumnsType } from 'antd';
import { useEffect, useMemo, useState } from 'react';
import { Link, useNavigate, useSearchParams } from 'react-router';
import { useAuth } from '../../app/auth';
import { useMessages, useT } from '../../app/language';
import { EmptyState } from '../../components/EmptyState';
import { ErrorAlert } from '../../components/ErrorAlert';
import { OrgUnitPicker } from '../../components/OrgUnitPicker';
import { PageHeader } from '../../components/PageHeader';
import { RatingTag } from '../../components/RatingTag';
import { api, type PersonSummary } from '../../lib/api';
import { formatDate } from '../../lib/dates';
import { useAsync } from '../../lib/use-async';
import { useOrgUnits } from '../org-units/use-org-units';
import { ImportRatingsButton } from '../ratings-import/ImportRatingsButton';
import { ratingsImportMessages } from '../ratings-import/messages';
import { usePeopleExport } from '../ratings-import/use-people-export';
import { PersonCreateModal } from './PersonCreateModal';

const PAGE_SIZES = [20, 50, 100];
const SEARCH_DELAY_MS = 350;

function positiveInt(raw: string | null, fallback: number): number {
  const n = Number(raw);
  return Number.isInteger(n) && n > 0 ? n : fallback;
}

/**
 * The people in scope, searched on the server (accent-insensitive) and paged there. The search text,
 * unit filter and page live in the address (?q=&unit=&page=&size=) so reload and Back keep them.
 */
export default function PeopleListPage() {
  const t = useT();
  const im = useMessages(ratingsImportMessages);
  const { hasRole, me } = useAuth();
  const navigate = useNavigate();
  const [params, setParams] = useSearchParams();
  const orgUnits = useOrgUnits();
  const [creating, setCreating] = useState(false);

  const q = params.get('q') ?? '';
  const unit = params.get('unit') ?? undefined;
  const size = PAGE_SIZES.includes(positiveInt(params.get('size'), 20))
    ? positiveInt(params.get('size'), 20)
    : 20;
  const page = positiveInt(params.get('page'), 1);

  const [input, setInput] = useState(q);
  // The address changed from outside (Back, a link): show its search text.
  useEffect(() => setInput((current) => (current.trim() === q.trim() ? current : q)), [q]);

  const update = (changes: Record<string, string | number | undefined>, replace = false) => {
    const next = new URLSearchParams(params);
    for (const [key, value] of Object.entries(changes)) {
      if (
        value === undefined ||
        value === '' ||
        (key === 'page' && value === 1) ||
        (key === 'size' && value === 20)
      ) {
        next.delete(key);
      } else next.set(key, String(value));
    }
    setParams(next, { replace });
  };

  // Typing searches after a short pause; the address is replaced, not pushed, per keystroke.
  useEffect(() => {
    if (input.trim() === q.trim()) return;
    const timer = window.setTimeout(() => {
      const next = new URLSearchParams(params);
      if (input.trim()) next.set('q', input.trim());
      else next.delete('q');
      next.delete('page');
      setParams(next, { replace: true });
    }, SEARCH_DELAY_MS);
    return () => window.clearTimeout(timer);
  }, [input, q, params, setParams]);

  const list = useAsync(
    (signal) =>
      api.people(
        { q: q.trim() || undefined, orgUnitId: unit, limit: size, offset: (page - 1) * size },
        signal,
      ),
    [q, unit, page, size],
  );

  const peopleExport = usePeopleExport({ orgUnitId: unit, q: q.trim() });
  // the import is for the unit filtered on, or else the user's own unit
  const importUnit = unit
    ? orgUnits.data?.find((u) => u.id === unit)
    : me
      ? { id: me.orgUnitId, name: me.orgUnitName }
      : undefined;

  const columns = useMemo<TableColumnsType<PersonSummary>>(
    () => [
      {
        key: 'code',
        title: im.personCode,
        width: 120,
        render: (_, p) => p.code ?? <Typography.Text type="secondary">{t.common.none}</Typography.Text>,
      },
      {
        key: 'fullName',
        title: t.people.col.fullName,
        width: 240,
        render: (_, p) => (
          <Link to={`/people/${p.id}`} className="vd-name-cell">
            {p.fullName}
          </Link>
        ),
      },
      { key: 'gender', title: t.people.col.gender, width: 96, render: (_, p) => t.genders[p.gender] },
      {
        key: 'birthDate',
        title: t.people.col.birthDate,
        width: 120,
        render: (_, p) => formatDate(p.birthDate),
      },
      {
        key: 'unit',
        title: t.people.col.unit,
        width: 240,
        render: (_, p) => (
          <Tooltip title={p.orgUnitName} placement="topLeft">
            <span className="vd-cell-ellipsis">{p.orgUnitName}</span>
          </Tooltip>
        ),
      },
      {
        key: 'position',
        title: t.people.col.position,
        width: 200,
        render: (_, p) =>
          p.currentPosition ? (
            <Tooltip title={p.currentPosition} placement="topLeft">
              <span className="vd-cell-ellipsis">{p.currentPosition}</span>
            </Tooltip>
          ) : (
            <Typography.Text type="secondary">{t.common.none}</Typography.Text>
          ),
      },
      {
        key: 'latestRating',
        title: t.people.col.latestRating,
        width: 210,
        render: (_, p) =>
          p.latestRating ? (
            <RatingTag level={p.latestRating.level} year={p.latestRating.year} />
          ) : (
            <Typography.Text type="secondary">{t.common.none}</Typography.Text>
          ),
      },
    ],
    [t, im],
  );

  const filtered = q.trim() !== '' || unit !== undefined;
  const data = list.data;

  return (
    <>
      <PageHeader
        title={t.people.title}
        description={t.people.description}
        extra={
          <Flex gap={8} wrap justify="flex-end">
            {peopleExport.button}
            {importUnit && <ImportRatingsButton unit={importUnit} onImported={list.reload} />}
            {hasRole('admin', 'officer') && (
              <Button type="primary" icon={<PlusOutlined />} onClick={() => setCreating(true)}>
                {t.people.create}
              </Button>
            )}
          </Flex>
        }
      />
      {peopleExport.card && <div style={{ marginBottom: 16 }}>{peopleExport.card}</div>}
      <Card>
        <Flex gap={12} wrap style={{ marginBottom: 16 }}>
          <Input
            allowClear
            size="large"
            style={{ flex: '2 1 320px' }}
            prefix={<SearchOutlined style={{ color: '#9ca3af' }} />}
            placeholder={t.people.searchPlaceholder}
            aria-label={t.people.searchPlaceholder}
            value={input}
            onChange={(e) => setInput(e.target.value)}
            onPressEnter={() => update({ q: input.trim() || undefined, page: undefined }, true)}
          />
          <OrgUnitPicker
            style={{ flex: '1 1 280px', minWidth: 0 }}
            units={orgUnits.data ?? []}
            loading={orgUnits.loading}
            includeHistorical
            allowClear
            placeholder={t.people.unitFilter}
            value={unit}
            onChange={(value) => update({ unit: value, page: undefined })}
          />
        </Flex>
        {list.error ? (
          <ErrorAlert error={list.error} onRetry={list.reload} />
        ) : (
          <ResponsiveTable<PersonSummary>
            rowKey="id"
            size="middle"
            tableLayout="fixed"
            scroll={{ x: 1220 }}
            loading={list.loading}
            columns={columns}
            dataSource={data?.items ?? []}
            locale={{
              emptyText: list.loading ? (
                <div style={{ height: 160 }} />
              ) : filtered ? (
                <EmptyState
                  title={t.people.empty}
                  hint={t.people.emptyHint}
                  action={
                    <Button onClick={() => setParams(new URLSearchParams())}>{t.people.clearFilters}</Button>
                  }
                />
              ) : (
                <EmptyState title={t.people.emptyNoData} />
              ),
            }}
            pagination={{
              current: page,
              pageSize: size,
              total: data?.total ?? 0,
              showSizeChanger: true,
              pageSizeOptions: PAGE_SIZES,
              hideOnSinglePage: false,
              // a common name is counted up to a cap: "1–20 trên hơn 10.000 người"
              showTotal: (total, [from, to]) =>
                total > 0 ? t.people.range(from, to, total, data?.totalIsLowerBound ?? false) : '',
              onChange: (nextPage, nextSize) =>
                update({ page: nextSize !== size ? undefined : nextPage, size: nextSize }),
            }}
          />
        )}
      </Card>
      {creating && (
        <PersonCreateModal
          units={orgUnits.data ?? []}
          onClose={() => setCreating(false)}
          onCreated={(person) => navigate(`/people/${person.id}`)}
        />
      )}
    </>
  );
}
