import { CheckCircleFilled, ExclamationCircleFilled, SafetyOutlined } from '@ant-design/icons';
import { Alert, App, Button, Card, Flex, Tooltip, Typography } from 'antd';
import dayjs from 'dayjs';
import { useEffect } from 'react';
import { AUDIT_CHAIN_PROBLEM_NAMES, type AuditChainProblem } from '../../../../contract/audit';
import { useLanguage, useMessages } from '../../app/language';
import { useAsync } from '../../lib/use-async';
import { JobProgressCard } from '../jobs/JobProgress';
import { useLatestJob } from '../jobs/use-job';
import { auditApi } from './audit-api';
import { auditMessages } from './messages';

const when = (iso: string) => dayjs(iso).format('DD/MM/YYYY HH:mm');

/**
 * The state of the log's hash chain: intact up to which entry and when it was verified, or a red alert
 * naming the first broken entry; administrators start a full verification here and follow its progress.
 */
export function ChainCard() {
  const m = useMessages(auditMessages);
  const { lang } = useLanguage();
  const { message } = App.useApp();
  const status = useAsync((signal) => auditApi.chain(signal), []);
  const verify = useLatestJob('audit_verify');
  const number = (n: number) => n.toLocaleString(lang === 'vi' ? 'vi-VN' : 'en');
  const problemName = (code: AuditChainProblem) => AUDIT_CHAIN_PROBLEM_NAMES[code][lang];

  const jobStatus = verify.job?.status;
  const reload = status.reload;
  // a finished verification changes what the card says
  useEffect(() => {
    if (jobStatus === 'succeeded' || jobStatus === 'failed') reload();
  }, [jobStatus, reload]);

  const data = status.data;
  const start = async () => {
    try {
      await verify.start(() => auditApi.startVerify());
    } catch (error) {
      void message.error(error instanceof Error ? error.message : String(error));
    }
  };

  const last = data?.lastCheck ?? null;
  // the tail is checked on this very request: a recent tampering shows before any full verification
  const brokenAt = data
    ? !data.tail.ok
      ? data.tail.problems[0]
      : last && !last.ok
        ? last.problems[0]
        : undefined
    : undefined;
  const brokenCount = data && !data.tail.ok ? data.tail.problems.length : (last?.problemCount ?? 0);

  return (
    <Flex vertical gap={12} style={{ marginBottom: 16 }}>
      <Card
        size="small"
        className="vd-chain-card"
        title={
          <span>
            <SafetyOutlined /> {m.chain.title}
          </span>
        }
        loading={!data && !status.error}
        extra={
          data?.canVerify && (
            <Tooltip title={m.chain.verifyHint}>
              <Button onClick={() => void start()} loading={verify.starting} className="vd-chain-verify">
                {m.chain.verify}
              </Button>
            </Tooltip>
          )
        }
      >
        {status.error ? (
          <Typography.Text type="danger">{status.error.message}</Typography.Text>
        ) : (
          data && (
            <Flex vertical gap={6}>
              {brokenAt ? (
                <Alert
                  type="error"
                  showIcon
                  icon={<ExclamationCircleFilled />}
                  className="vd-chain-broken"
                  title={m.chain.brokenTitle(number(brokenAt.seq))}
                  description={
                    <>
                      <div>
                        {problemName(brokenAt.code)}
                        {brokenCount > 1 && ` · ${m.chain.count(number(brokenCount))}`}
                      </div>
                      <div>{m.chain.brokenText}</div>
                    </>
                  }
                />
              ) : last ? (
                <Typography.Text className="vd-chain-intact">
                  <CheckCircleFilled style={{ color: '#16a34a' }} />{' '}
                  {m.chain.intact(number(last.upToSeq), when(last.finishedAt))}{' '}
                  <Typography.Text type="secondary">{m.chain.by(last.startedBy)}</Typography.Text>
                </Typography.Text>
              ) : (
                <Typography.Text className="vd-chain-never">{m.chain.never}</Typography.Text>
              )}
              {!brokenAt && data.tail.checked > 0 && (
                <Typography.Text type="secondary" style={{ fontSize: 13 }}>
                  {m.chain.tailOk(number(data.tail.checked))}
                  {last &&
                    data.headSeq > last.upToSeq &&
                    ` ${m.chain.newer(number(data.headSeq - last.upToSeq))}`}
                </Typography.Text>
              )}
              <Typography.Text type="secondary" style={{ fontSize: 13 }}>
                {m.chain.length(number(data.headSeq))}
              </Typography.Text>
            </Flex>
          )
        )}
      </Card>
      {verify.job && (
        <JobProgressCard
          job={verify.job}
          title={m.chain.jobTitle}
          onCancel={() =>
            void verify.cancel().catch((error: unknown) => {
              void message.error(error instanceof Error ? error.message : String(error));
            })
          }
          onClose={verify.close}
        />
      )}
    </Flex>
  );
}
