import { CheckCircleFilled, SyncOutlined } from '@ant-design/icons';
import { App, Button, Card, Flex, Tag, Tooltip, Typography } from 'antd';
import { useEffect } from 'react';
import { useT } from '../../app/language';
import { api } from '../../lib/api';
import { formatDate } from '../../lib/dates';
import { useAsync } from '../../lib/use-async';
import { jobsApi } from '../jobs/jobs-api';
import { JobProgressCard } from '../jobs/JobProgress';
import { useLatestJob } from '../jobs/use-job';

/** The stored eligibility results: as of which day, whether they match the settings, and a recompute button. */
export function StoreCard() {
  const t = useT();
  const s = t.eligibility.store;
  const { message } = App.useApp();
  const rebuild = useLatestJob('eligibility_rebuild');
  const status = useAsync((signal) => api.eligibilityStore(signal), []);
  const jobStatus = rebuild.job?.status;
  const reload = status.reload;
  // a finished recomputation changes what the card says
  useEffect(() => {
    if (jobStatus === 'succeeded') reload();
  }, [jobStatus, reload]);

  const data = status.data;
  // while something is being judged again, look again every few seconds
  const busy = data !== undefined && (!data.current || data.rebuilding || data.stalePeople > 0);
  useEffect(() => {
    if (!busy) return;
    const timer = setInterval(reload, 3000);
    return () => clearInterval(timer);
  }, [busy, reload]);
  const report = data?.lastReport;
  const start = async () => {
    try {
      await rebuild.start(() => jobsApi.startStoreRebuild());
    } catch (error) {
      void message.error(error instanceof Error ? error.message : String(error));
    }
  };
  return (
    <Flex vertical gap={12} style={{ marginBottom: 16 }}>
      <Card
        size="small"
        className="vd-store-card"
        title={s.title}
        loading={!data && !status.error}
        extra={
          <Tooltip title={s.rebuildHint}>
            <Button icon={<SyncOutlined />} onClick={() => void start()} loading={rebuild.starting}>
              {s.rebuild}
            </Button>
          </Tooltip>
        }
      >
        <Flex vertical gap={6}>
          <Typography.Text type="secondary">{s.description}</Typography.Text>
          {data &&
            (data.built ? (
              <Flex gap={6} wrap align="center">
                <Tag>{s.judgedOn(formatDate(data.consideredOn!))}</Tag>
                {data.rebuilding ? (
                  <Tag color="processing" icon={<SyncOutlined spin />}>
                    {s.rebuilding}
                  </Tag>
                ) : data.current ? (
                  <Tag color="green" icon={<CheckCircleFilled />}>
                    {s.current}
                  </Tag>
                ) : (
                  <Tag color="orange">{s.stale}</Tag>
                )}
                {data.stalePeople > 0 && <Tag color="blue">{s.waiting(data.stalePeople)}</Tag>}
              </Flex>
            ) : (
              <Typography.Text>{s.notBuilt}</Typography.Text>
            ))}
          {report && (
            <Typography.Text style={{ fontSize: 13 }}>
              {s.last(report.people, report.verdicts, report.seconds)}.{' '}
              {report.drift ? s.drift(report.changed) : s.changed(report.changed)}
            </Typography.Text>
          )}
        </Flex>
      </Card>
      {rebuild.job && (
        <JobProgressCard
          job={rebuild.job}
          title={s.jobTitle}
          onCancel={() =>
            void rebuild.cancel().catch((error: unknown) => {
              void message.error(error instanceof Error ? error.message : String(error));
            })
          }
          onClose={rebuild.close}
        />
      )}
    </Flex>
  );
}
