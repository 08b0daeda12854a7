import { ResponsiveTable } from '../../components/ResponsiveTable';
import {
  CloudDownloadOutlined,
  FileExcelOutlined,
  FilePdfOutlined,
  InfoCircleOutlined,
  SyncOutlined,
  ManOutlined,
  WomanOutlined,
} from '@ant-design/icons';
import {
  Alert,
  App,
  Button,
  Card,
  DatePicker,
  Flex,
  Select,
  Spin,
  Switch,
  Tag,
  Tooltip,
  Typography,
} from 'antd';
import dayjs from 'dayjs';
import type { TableColumnsType } from 'antd';
import { useEffect, useMemo, useState } from 'react';
import { Link, useSearchParams } from 'react-router';
import { useAuth } from '../../app/auth';
import { useMessages, useT } from '../../app/language';
import { EmptyState } from '../../components/EmptyState';
import { ErrorAlert } from '../../components/ErrorAlert';
import { OrgUnitPicker } from '../../components/OrgUnitPicker';
import { PageHeader } from '../../components/PageHeader';
import {
  api,
  eligibleNowXlsxUrl,
  type EligibleNowList,
  type EligibleNowQuery,
  type EligibleNowRow,
} from '../../lib/api';
import { useAsync } from '../../lib/use-async';
import { IssueDocumentButton } from '../documents/IssueDocumentButton';
import { documentsMessages } from '../documents/messages';
import { jobsApi } from '../jobs/jobs-api';
import { JobProgressCard } from '../jobs/JobProgress';
import { jobsMessages } from '../jobs/messages';
import { useLatestJob } from '../jobs/use-job';
import { useOrgUnits } from '../org-units/use-org-units';
import { YearSelect } from './shared';

/** Counts per award as horizontal bars (plain elements: no chart library for six bars). */
function AwardBars({ counts }: { counts: EligibleNowList['byAward'] }) {
  const t = useT();
  const max = Math.max(1, ...counts.map((c) => c.count));
  return (
    <div className="vd-award-bars" role="list" aria-label={t.eligibility.now.byAward}>
      {counts.map((c) => (
        <div key={c.award} className="vd-award-bar" role="listitem" data-award={c.award}>
          <span className="vd-cell-ellipsis" title={t.awardNames[c.award]}>
            {t.awardNames[c.award]}
          </span>
          <div className="vd-award-bar-track">
            <div className="vd-award-bar-fill" style={{ width: `${(c.count / max) * 100}%` }} />
          </div>
          <span className="vd-award-bar-count">{c.count.toLocaleString('vi-VN')}</span>
        </div>
      ))}
    </div>
  );
}

/**
 * "Đủ điều kiện đề nghị": who in the scope meets every hard condition of a title or award for the year.
 * Filters live in the address (?unit=&awards=&year=&new=1) so reload and Back keep them.
 */
export default function EligibleNowPage() {
  const t = useT();
  const docs = useMessages(documentsMessages);
  const { hasRole } = useAuth();
  const jm = useMessages(jobsMessages);
  const { message } = App.useApp();
  const exportAll = useLatestJob('eligible_now_export');
  const [params, setParams] = useSearchParams();
  const orgUnits = useOrgUnits();
  const catalogue = useAsync((signal) => api.catalogue(signal), []);

  const unit = params.get('unit') ?? undefined;
  const awardsRaw = params.get('awards') ?? '';
  const yearRaw = Number(params.get('year'));
  const year = Number.isInteger(yearRaw) && yearRaw > 1990 ? yearRaw : undefined;
  const onlyNew = params.get('new') === '1';
  const sinceRaw = params.get('since') ?? '';
  const since = /^\d{4}-\d{2}-\d{2}$/.test(sinceRaw) ? sinceRaw : undefined;

  const query = useMemo<EligibleNowQuery>(
    () => ({
      orgUnitId: unit,
      awards: awardsRaw ? awardsRaw.split(',').filter(Boolean) : undefined,
      year,
      onlyNew,
      since,
    }),
    [unit, awardsRaw, year, onlyNew, since],
  );
  // the server pages the list; a change of filters goes back to the first page
  const [paging, setPaging] = useState({ page: 1, pageSize: 20 });
  useEffect(() => setPaging((p) => (p.page === 1 ? p : { ...p, page: 1 })), [query]);
  const list = useAsync(
    (signal) =>
      api.eligibleNow(query, { limit: paging.pageSize, offset: (paging.page - 1) * paging.pageSize }, signal),
    [query, paging],
  );
  // while some verdicts are being judged again, look again every few seconds
  const updating = list.data?.updating ?? false;
  const reload = list.reload;
  useEffect(() => {
    if (!updating) return;
    const timer = setInterval(reload, 3000);
    return () => clearInterval(timer);
  }, [updating, reload]);

  const update = (changes: Record<string, string | undefined>) => {
    const next = new URLSearchParams(params);
    for (const [key, value] of Object.entries(changes)) {
      if (value === undefined || value === '') next.delete(key);
      else next.set(key, value);
    }
    setParams(next, { replace: true });
  };

  const awardOptions = useMemo(
    () =>
      (catalogue.data?.items ?? [])
        .filter((a) => a.hasRules && a.subjects.includes('individual'))
        .map((a) => ({ value: a.code, label: t.awardNames[a.code] })),
    [catalogue.data, t],
  );

  const columns = useMemo<TableColumnsType<EligibleNowRow>>(
    () => [
      {
        key: 'fullName',
        title: t.eligibility.now.col.fullName,
        width: 190,
        render: (_, r) => (
          <Flex vertical gap={2}>
            <Link to={`/people/${r.personId}`} className="vd-name-cell">
              {r.fullName}
            </Link>
          </Flex>
        ),
      },
      {
        key: 'unit',
        title: t.eligibility.now.col.unit,
        width: 170,
        render: (_, r) => (
          <Tooltip title={r.orgUnitName} placement="topLeft">
            <span className="vd-cell-ellipsis">{r.orgUnitName}</span>
          </Tooltip>
        ),
      },
      {
        key: 'award',
        title: t.eligibility.now.col.award,
        width: 220,
        render: (_, r) => (
          <Flex gap={6} align="center" wrap>
            <span>{t.awardNames[r.award]}</span>
            {r.newlyEligible && (
              <Tooltip title={t.eligibility.now.newTitle}>
                <Tag color="red" style={{ marginInlineEnd: 0 }}>
                  {t.eligibility.now.newTag}
                </Tag>
              </Tooltip>
            )}
          </Flex>
        ),
      },
      {
        key: 'tags',
        title: t.eligibility.now.col.tags,
        width: 150,
        render: (_, r) => (
          <Flex gap={4} wrap>
            {r.isLeader && <Tag color="purple">{t.eligibility.now.leader}</Tag>}
            {r.directWorker && <Tag color="gold">{t.eligibility.now.directWorker}</Tag>}
            <Tag
              icon={r.gender === 'female' ? <WomanOutlined /> : <ManOutlined />}
              color={r.gender === 'female' ? 'magenta' : 'default'}
            >
              {t.genders[r.gender]}
            </Tag>
          </Flex>
        ),
      },
      {
        key: 'summary',
        title: t.eligibility.now.col.summary,
        render: (_, r) => (
          <div style={{ fontSize: 13 }}>
            {r.summary}{' '}
            <Tooltip title={`${t.eligibility.catalogue.basis}: ${r.basis}`}>
              <InfoCircleOutlined style={{ color: '#9ca3af' }} aria-label={t.eligibility.catalogue.basis} />
            </Tooltip>
          </div>
        ),
      },
    ],
    [t],
  );

  const startExportAll = async () => {
    try {
      await exportAll.start(() =>
        jobsApi.startEligibleNowExport({
          orgUnitId: query.orgUnitId,
          awards: query.awards ? [...query.awards] : undefined,
          year: query.year,
          onlyNew: query.onlyNew || undefined,
        }),
      );
      void message.success(jm.exportAll.started);
    } catch (error) {
      void message.error(error instanceof Error ? error.message : String(error));
    }
  };

  const rows = list.data?.items ?? [];
  const shownYear = year ?? list.data?.year;

  return (
    <>
      <PageHeader
        title={t.eligibility.now.title}
        description={t.eligibility.now.description}
        extra={
          <>
            {hasRole('admin', 'board', 'officer') && (
              <IssueDocumentButton
                issue={() => api.issueEligibleListPdf(query)}
                label={docs.listPdfButton}
                hint={docs.listPdfHint}
                icon={<FilePdfOutlined />}
                className="vd-export-pdf"
              />
            )}
            <Tooltip title={jm.exportAll.hint}>
              <Button
                icon={<CloudDownloadOutlined />}
                onClick={() => void startExportAll()}
                loading={exportAll.starting}
                className="vd-export-all"
              >
                {jm.exportAll.button}
              </Button>
            </Tooltip>
            <Button
              type="primary"
              icon={<FileExcelOutlined />}
              href={eligibleNowXlsxUrl(query)}
              download
              className="vd-export"
            >
              {t.eligibility.now.export}
            </Button>
          </>
        }
      />
      <Flex vertical gap={16}>
        {exportAll.job && (
          <JobProgressCard
            job={exportAll.job}
            title={`${jm.exportAll.title} — ${exportAll.job.orgUnitName}`}
            onCancel={() =>
              void exportAll.cancel().catch((error: unknown) => {
                void message.error(error instanceof Error ? error.message : String(error));
              })
            }
            onClose={exportAll.close}
            extra={
              <Link to="/jobs">
                <Button type="link">{jm.exportAll.allJobs}</Button>
              </Link>
            }
          />
        )}
        <Card>
          <Flex gap={12} wrap align="center">
            <OrgUnitPicker
              style={{ flex: '1 1 260px', minWidth: 0 }}
              units={orgUnits.data ?? []}
              loading={orgUnits.loading}
              allowClear
              placeholder={t.eligibility.now.unitPlaceholder}
              value={unit}
              onChange={(value) => update({ unit: value })}
            />
            <Select<string[]>
              mode="multiple"
              allowClear
              aria-label={t.eligibility.now.awards}
              style={{ flex: '2 1 360px', minWidth: 0 }}
              placeholder={t.eligibility.now.awardsPlaceholder}
              loading={catalogue.loading}
              options={awardOptions}
              value={query.awards ? [...query.awards] : []}
              onChange={(codes) => update({ awards: codes.join(',') })}
              maxTagCount="responsive"
              optionFilterProp="label"
            />
            <YearSelect value={shownYear} onChange={(y) => update({ year: String(y) })} />
            <Tooltip title={t.eligibility.now.onlyNewHint}>
              <label style={{ display: 'inline-flex', gap: 8, alignItems: 'center', cursor: 'pointer' }}>
                <Switch
                  checked={onlyNew}
                  onChange={(checked) => update({ new: checked ? '1' : undefined })}
                  aria-label={t.eligibility.now.onlyNew}
                />
                {t.eligibility.now.onlyNew}
              </label>
            </Tooltip>
            <Tooltip title={t.eligibility.now.sinceHint}>
              <DatePicker
                aria-label={t.eligibility.now.since}
                placeholder={t.eligibility.now.since}
                format="DD/MM/YYYY"
                value={since ? dayjs(since) : null}
                onChange={(d) => update({ since: d ? d.format('YYYY-MM-DD') : undefined })}
                className="vd-eligible-since"
                style={{ width: 200 }}
              />
            </Tooltip>
          </Flex>
        </Card>

        {list.error ? (
          <ErrorAlert error={list.error} onRetry={list.reload} />
        ) : !list.data ? (
          <Card>
            <Flex vertical align="center" justify="center" gap={12} style={{ minHeight: 220 }}>
              <Spin size="large" />
              <Typography.Text type="secondary">{t.eligibility.loading}</Typography.Text>
            </Flex>
          </Card>
        ) : (
          <Spin spinning={list.loading} description={t.eligibility.loading} size="large">
            <Flex vertical gap={16}>
              {list.data.updating && (
                <Alert
                  type="info"
                  showIcon
                  icon={<SyncOutlined spin />}
                  className="vd-eligible-updating"
                  title={t.eligibility.now.updating}
                  description={t.eligibility.now.updatingHint}
                />
              )}
              {list.data.total > 0 && (
                <Card
                  size="small"
                  title={t.eligibility.now.byAward}
                  extra={
                    <Typography.Text type="secondary">
                      {t.eligibility.now.count(list.data.total)} ·{' '}
                      {t.eligibility.now.people(list.data.people)}
                    </Typography.Text>
                  }
                >
                  <AwardBars counts={list.data.byAward} />
                </Card>
              )}
              <Card>
                <ResponsiveTable<EligibleNowRow>
                  rowKey={(r) => `${r.personId}:${r.award}`}
                  size="middle"
                  tableLayout="fixed"
                  scroll={{ x: 1100 }}
                  columns={columns}
                  dataSource={rows}
                  locale={{
                    emptyText: (
                      <EmptyState
                        title={t.eligibility.now.empty}
                        hint={t.eligibility.now.emptyHint}
                        action={
                          (unit || awardsRaw || onlyNew || year || since) && (
                            <Button onClick={() => setParams(new URLSearchParams(), { replace: true })}>
                              {t.people.clearFilters}
                            </Button>
                          )
                        }
                      />
                    ),
                  }}
                  pagination={{
                    current: paging.page,
                    pageSize: paging.pageSize,
                    total: list.data.total,
                    onChange: (page, pageSize) => setPaging({ page, pageSize }),
                    showSizeChanger: true,
                    pageSizeOptions: [20, 50, 100],
                    hideOnSinglePage: true,
                    showTotal: (total, [from, to]) => t.eligibility.now.range(from, to, total),
                  }}
                />
              </Card>
            </Flex>
          </Spin>
        )}
      </Flex>
    </>
  );
}
