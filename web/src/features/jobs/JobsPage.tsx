import { ResponsiveTable } from '../../components/ResponsiveTable';
import { DownloadOutlined, ReloadOutlined, StopOutlined } from '@ant-design/icons';
import { App, Button, Card, Flex, Popconfirm, Tooltip, Typography } from 'antd';
import type { TableColumnsType } from 'antd';
import dayjs from 'dayjs';
import { useEffect, useMemo, useState } from 'react';
import { useMessages } from '../../app/language';
import { EmptyState } from '../../components/EmptyState';
import { ErrorAlert } from '../../components/ErrorAlert';
import { PageHeader } from '../../components/PageHeader';
import { useAsync } from '../../lib/use-async';
import { isUnfinished, jobOutputUrl, jobsApi, type Job } from './jobs-api';
import { JobProgressBar, JobStatusTag } from './JobProgress';
import { jobsMessages } from './messages';

const PAGE_SIZE = 20;
const POLL_MS = 2000;

const when = (iso: string | null) => (iso ? dayjs(iso).format('DD/MM/YYYY HH:mm') : '—');

/** "Công việc nền": the user's own jobs, newest first, with progress while they run. */
export default function JobsPage() {
  const m = useMessages(jobsMessages);
  const { message } = App.useApp();
  const [page, setPage] = useState(1);
  const list = useAsync(
    (signal) => jobsApi.list({ limit: PAGE_SIZE, offset: (page - 1) * PAGE_SIZE }, signal),
    [page],
  );
  const { reload } = list;
  const anyRunning = (list.data?.items ?? []).some(isUnfinished);
  useEffect(() => {
    if (!anyRunning) return;
    const timer = window.setInterval(reload, POLL_MS);
    return () => window.clearInterval(timer);
  }, [anyRunning, reload]);

  const columns = useMemo<TableColumnsType<Job>>(
    () => [
      {
        key: 'job',
        title: m.col.job,
        render: (_, job) => {
          const year = typeof job.params.year === 'number' ? job.params.year : undefined;
          return (
            <Flex vertical gap={2}>
              <Typography.Text strong>
                {m.kinds[job.kind as keyof typeof m.kinds] ?? m.unknownKind}
                {year !== undefined && ` — ${m.yearLabel(year)}`}
              </Typography.Text>
              {job.output && (
                <Typography.Text type="secondary" style={{ fontSize: 12 }}>
                  {job.output.name} · {Math.max(1, Math.round(job.output.size / 1024))} KB
                </Typography.Text>
              )}
            </Flex>
          );
        },
      },
      {
        key: 'unit',
        title: m.col.unit,
        width: 200,
        render: (_, job) => (
          <Tooltip title={job.orgUnitName} placement="topLeft">
            <span className="vd-cell-ellipsis">{job.orgUnitName}</span>
          </Tooltip>
        ),
      },
      {
        key: 'status',
        title: m.col.status,
        width: 130,
        render: (_, job) => <JobStatusTag status={job.status} />,
      },
      {
        key: 'progress',
        title: m.col.progress,
        width: 300,
        render: (_, job) => <JobProgressBar job={job} size="small" />,
      },
      {
        key: 'createdAt',
        title: m.col.createdAt,
        width: 160,
        render: (_, job) => (
          <Tooltip title={job.finishedAt ? m.finishedAt(when(job.finishedAt)) : undefined}>
            <span>{when(job.createdAt)}</span>
          </Tooltip>
        ),
      },
      {
        key: 'actions',
        title: m.col.actions,
        width: 150,
        render: (_, job) => (
          <Flex gap={4} wrap>
            {job.status === 'succeeded' && job.output && (
              <Button
                size="small"
                type="primary"
                icon={<DownloadOutlined />}
                href={jobOutputUrl(job.id)}
                download
              >
                {m.download}
              </Button>
            )}
            {isUnfinished(job) && (
              <Popconfirm
                title={m.cancelConfirm}
                okText={m.cancel}
                cancelText={m.close}
                onConfirm={async () => {
                  try {
                    await jobsApi.cancel(job.id);
                    void message.success(m.cancelled);
                  } catch (error) {
                    void message.error(error instanceof Error ? error.message : String(error));
                  }
                  reload();
                }}
              >
                <Button size="small" icon={<StopOutlined />}>
                  {m.cancel}
                </Button>
              </Popconfirm>
            )}
          </Flex>
        ),
      },
    ],
    [m, message, reload],
  );

  return (
    <>
      <PageHeader
        title={m.title}
        description={m.description}
        extra={
          <Button icon={<ReloadOutlined />} onClick={reload} loading={list.loading && !!list.data}>
            {m.refresh}
          </Button>
        }
      />
      {list.error ? (
        <ErrorAlert error={list.error} onRetry={reload} />
      ) : (
        <Card>
          <ResponsiveTable<Job>
            rowKey="id"
            size="middle"
            tableLayout="fixed"
            scroll={{ x: 1000 }}
            loading={list.loading && !list.data}
            columns={columns}
            dataSource={list.data?.items ?? []}
            rowClassName={(job) => `vd-job-row vd-job-${job.status}`}
            locale={{ emptyText: <EmptyState title={m.empty} hint={m.emptyHint} /> }}
            pagination={{
              current: page,
              pageSize: PAGE_SIZE,
              total: list.data?.total ?? 0,
              onChange: setPage,
              hideOnSinglePage: true,
              showTotal: (total, [from, to]) => m.range(from, to, total),
            }}
          />
        </Card>
      )}
    </>
  );
}
