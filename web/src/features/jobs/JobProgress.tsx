import { CloseOutlined, DownloadOutlined, StopOutlined } from '@ant-design/icons';
import { Button, Card, Flex, Popconfirm, Progress, Tag, Typography } from 'antd';
import type { ReactNode } from 'react';
import { useLanguage, useMessages } from '../../app/language';
import { isUnfinished, jobOutputUrl, type Job, type JobStatus } from './jobs-api';
import { jobsMessages } from './messages';

export const STATUS_COLORS: Record<JobStatus, string> = {
  queued: 'default',
  running: 'processing',
  succeeded: 'success',
  failed: 'error',
  cancelled: 'warning',
};

export function JobStatusTag({ status }: { status: JobStatus }) {
  const m = useMessages(jobsMessages);
  return (
    <Tag color={STATUS_COLORS[status]} style={{ marginInlineEnd: 0 }} data-status={status}>
      {m.statuses[status]}
    </Tag>
  );
}

export function jobPercent(job: Job): number {
  if (job.status === 'succeeded') return 100;
  const { done, total } = job.progress;
  // a running job is not done until it says so (it may still be writing its file)
  return total ? Math.min(99, Math.floor((done / total) * 100)) : 0;
}

/** The bar and the line under it: the server's message in Vietnamese, the figures in English. */
export function JobProgressBar({ job, size = 'default' }: { job: Job; size?: 'default' | 'small' }) {
  const m = useMessages(jobsMessages);
  const { lang } = useLanguage();
  const status =
    job.status === 'failed'
      ? 'exception'
      : job.status === 'succeeded'
        ? 'success'
        : job.status === 'running'
          ? 'active'
          : 'normal';
  const line =
    job.status === 'failed'
      ? job.error?.message
      : job.status === 'queued' && job.progress.done === 0
        ? (job.message ?? m.waiting)
        : lang === 'vi' && job.message
          ? job.message
          : m.progressLine(job.progress.done, job.progress.total);
  return (
    <Flex vertical gap={2} style={{ minWidth: 0 }}>
      <Progress
        percent={jobPercent(job)}
        status={status}
        size={size === 'small' ? 'small' : 'default'}
        aria-label={line ?? undefined}
      />
      {line && (
        <Typography.Text
          type={job.status === 'failed' ? 'danger' : 'secondary'}
          style={{ fontSize: size === 'small' ? 12 : 14 }}
          className="vd-job-message"
        >
          {line}
        </Typography.Text>
      )}
    </Flex>
  );
}

/** A job followed on the page that started it: bar, message, then the download button. */
export function JobProgressCard({
  job,
  title,
  onCancel,
  onClose,
  extra,
}: {
  job: Job;
  title: ReactNode;
  onCancel: () => void;
  onClose: () => void;
  extra?: ReactNode;
}) {
  const m = useMessages(jobsMessages);
  const unfinished = isUnfinished(job);
  return (
    <Card
      size="small"
      className="vd-job-card"
      data-job-id={job.id}
      data-status={job.status}
      title={
        <Flex gap={8} align="center" wrap>
          <span>{title}</span>
          <JobStatusTag status={job.status} />
          {job.attempts > 1 && (
            <Typography.Text type="secondary" style={{ fontSize: 12, fontWeight: 'normal' }}>
              {m.attempt(job.attempts, job.maxAttempts)}
            </Typography.Text>
          )}
        </Flex>
      }
      extra={
        !unfinished && (
          <Button type="text" size="small" icon={<CloseOutlined />} onClick={onClose} aria-label={m.close} />
        )
      }
    >
      <Flex gap={16} align="center" wrap>
        <div style={{ flex: '1 1 320px', minWidth: 0 }}>
          <JobProgressBar job={job} />
        </div>
        <Flex gap={8} wrap>
          {job.status === 'succeeded' && job.output && (
            <Button type="primary" icon={<DownloadOutlined />} href={jobOutputUrl(job.id)} download>
              {m.downloadExcel}
            </Button>
          )}
          {unfinished && (
            <Popconfirm title={m.cancelConfirm} onConfirm={onCancel} okText={m.cancel} cancelText={m.close}>
              <Button icon={<StopOutlined />}>{m.cancel}</Button>
            </Popconfirm>
          )}
          {extra}
        </Flex>
      </Flex>
    </Card>
  );
}
