import { DownloadOutlined, FileExcelOutlined, InboxOutlined } from '@ant-design/icons';
import {
  Alert,
  App,
  Button,
  Flex,
  Modal,
  Progress,
  Select,
  Space,
  Statistic,
  Table,
  Typography,
  Upload,
} from 'antd';
import type { TableColumnsType } from 'antd';
import { useEffect, useMemo, useState } from 'react';
import { useMessages, useT } from '../../app/language';
import { RatingTag } from '../../components/RatingTag';
import { JobProgressBar } from '../jobs/JobProgress';
import { isUnfinished, jobOutputUrl, jobsApi, type Job } from '../jobs/jobs-api';
import { ratingsImportMessages } from './messages';
import {
  importResultOf,
  ratingsImportApi,
  templateUrl,
  type RatingsImportResult,
} from './ratings-import-api';

const POLL_MS = 800;
const YEARS_BACK = 5;

type Problem = RatingsImportResult['problems'][number];
type Change = RatingsImportResult['changes'][number];

/** Follow one job until it ends (polling its state). */
function useFollowJob(initial: Job | undefined) {
  const [job, setJob] = useState<Job | undefined>(initial);
  useEffect(() => setJob(initial), [initial]);
  const id = job?.id;
  const running = job !== undefined && isUnfinished(job);
  useEffect(() => {
    if (!id || !running) return;
    const controller = new AbortController();
    let timer: number | undefined;
    const poll = () => {
      jobsApi.get(id, controller.signal).then(
        (next) => {
          setJob(next);
          if (isUnfinished(next)) timer = window.setTimeout(poll, POLL_MS);
        },
        () => {
          if (!controller.signal.aborted) timer = window.setTimeout(poll, POLL_MS * 3);
        },
      );
    };
    timer = window.setTimeout(poll, POLL_MS);
    return () => {
      controller.abort();
      window.clearTimeout(timer);
    };
  }, [id, running]);
  return job;
}

/**
 * "Nhập xếp loại từ Excel": choose the year and the file (or download the unit's template first), upload,
 * follow the job, then see what was written, or why nothing was (the refused rows and the report).
 */
export function RatingsImportDialog({
  unit,
  open,
  onClose,
  onImported,
}: {
  unit: { id: string; name: string };
  open: boolean;
  onClose: () => void;
  /** called once an import has written its ratings */
  onImported?: () => void;
}) {
  const m = useMessages(ratingsImportMessages);
  const { message } = App.useApp();
  const thisYear = new Date().getFullYear();
  const [year, setYear] = useState(thisYear);
  const [file, setFile] = useState<File | undefined>();
  const [percent, setPercent] = useState<number | undefined>();
  const [started, setStarted] = useState<Job | undefined>();
  const job = useFollowJob(started);

  const result = job && job.status === 'succeeded' ? importResultOf(job) : undefined;
  useEffect(() => {
    if (result?.outcome === 'written') onImported?.();
  }, [result?.outcome, onImported]);

  const reset = () => {
    setFile(undefined);
    setPercent(undefined);
    setStarted(undefined);
  };

  const start = async () => {
    if (!file) return;
    setPercent(0);
    try {
      setStarted(await ratingsImportApi.start(unit.id, year, file, { onProgress: setPercent }));
    } catch (error) {
      void message.error(error instanceof Error ? error.message : String(error));
    } finally {
      setPercent(undefined);
    }
  };

  const [fetchingTemplate, setFetchingTemplate] = useState(false);
  const downloadTemplate = async () => {
    setFetchingTemplate(true);
    try {
      const res = await fetch(templateUrl(unit.id, year), { credentials: 'same-origin' });
      if (!res.ok) {
        const body = (await res.json().catch(() => undefined)) as { message?: string } | undefined;
        throw new Error(body?.message ?? res.statusText);
      }
      const name = /filename\*=UTF-8''([^;]+)/.exec(res.headers.get('content-disposition') ?? '')?.[1];
      const url = URL.createObjectURL(await res.blob());
      const a = document.createElement('a');
      a.href = url;
      a.download = name ? decodeURIComponent(name) : `mau-xep-loai-${year}.xlsx`;
      a.click();
      window.setTimeout(() => URL.revokeObjectURL(url), 10_000);
    } catch (error) {
      void message.error(error instanceof Error ? error.message : String(error));
    } finally {
      setFetchingTemplate(false);
    }
  };

  const busy = percent !== undefined || (job !== undefined && isUnfinished(job));
  return (
    <Modal
      open={open}
      title={
        <span>
          <FileExcelOutlined /> {m.title}
        </span>
      }
      width={760}
      onCancel={onClose}
      destroyOnHidden
      maskClosable={!busy}
      footer={
        <Flex gap={8} justify="flex-end" wrap>
          {job && !isUnfinished(job) && (
            <Button onClick={reset} className="vd-import-again">
              {m.another}
            </Button>
          )}
          {job?.status === 'succeeded' && job.output && (
            <Button
              icon={<DownloadOutlined />}
              href={jobOutputUrl(job.id)}
              download
              className="vd-import-report"
            >
              {m.downloadReport}
            </Button>
          )}
          {!job && (
            <Button
              type="primary"
              disabled={!file}
              loading={percent !== undefined}
              onClick={() => void start()}
              className="vd-import-start"
            >
              {m.start}
            </Button>
          )}
          <Button onClick={onClose}>{m.close}</Button>
        </Flex>
      }
    >
      {!job ? (
        <Flex vertical gap={12}>
          <Typography.Paragraph style={{ margin: 0 }}>{m.intro(unit.name)}</Typography.Paragraph>
          <Alert type="info" showIcon title={m.allOrNothing} />
          <Flex gap={12} wrap align="center">
            <Space>
              <Typography.Text strong>{m.year}</Typography.Text>
              <Select<number>
                value={year}
                onChange={setYear}
                aria-label={m.year}
                className="vd-import-year"
                style={{ width: 100 }}
                options={Array.from({ length: YEARS_BACK + 1 }, (_, i) => ({
                  value: thisYear - i,
                  label: String(thisYear - i),
                }))}
              />
            </Space>
            <Button
              icon={<DownloadOutlined />}
              href={templateUrl(unit.id, year)}
              download
              title={m.templateHint}
              loading={fetchingTemplate}
              onClick={(e) => {
                // fetched here, so a refusal (a unit too large for one file) is said, not saved as a file
                e.preventDefault();
                void downloadTemplate();
              }}
              className="vd-import-template"
            >
              {m.template}
            </Button>
          </Flex>
          <Upload.Dragger
            accept=".xlsx,application/vnd.openxmlformats-officedocument.spreadsheetml.sheet"
            maxCount={1}
            multiple={false}
            showUploadList={false}
            disabled={percent !== undefined}
            beforeUpload={(f) => {
              if (!/\.xlsx$/i.test(f.name)) {
                void message.error(m.notXlsx);
                return Upload.LIST_IGNORE;
              }
              setFile(f);
              return false;
            }}
            className="vd-import-drop"
          >
            <p className="ant-upload-drag-icon">
              <InboxOutlined />
            </p>
            <p className="ant-upload-text">{file ? file.name : m.drop}</p>
            <p className="ant-upload-hint">{m.dropHint}</p>
          </Upload.Dragger>
          {percent !== undefined && (
            <Progress percent={percent} size="small" aria-label={m.uploading(percent)} />
          )}
        </Flex>
      ) : isUnfinished(job) ? (
        <div className="vd-import-progress">
          <JobProgressBar job={job} />
        </div>
      ) : job.status === 'failed' ? (
        <Alert
          type="error"
          showIcon
          className="vd-import-failed"
          title={m.failed}
          description={job.error?.message}
          data-code={job.error?.code}
        />
      ) : result ? (
        <ImportResult result={result} />
      ) : (
        <JobProgressBar job={job} />
      )}
    </Modal>
  );
}

function ImportResult({ result }: { result: RatingsImportResult }) {
  const m = useMessages(ratingsImportMessages);
  const t = useT();
  const problemColumns = useMemo<TableColumnsType<Problem>>(
    () => [
      { key: 'row', title: m.col.row, dataIndex: 'row', width: 64 },
      { key: 'name', title: m.col.name, width: 170, render: (_, p) => p.name ?? t.common.none },
      { key: 'reason', title: m.col.reason, dataIndex: 'message' },
    ],
    [m, t],
  );
  const changeColumns = useMemo<TableColumnsType<Change>>(
    () => [
      { key: 'row', title: m.col.row, dataIndex: 'row', width: 64 },
      { key: 'name', title: m.col.name, dataIndex: 'name', width: 190 },
      {
        key: 'change',
        title: m.col.change,
        render: (_, c) => (
          <Flex gap={4} wrap align="center">
            <RatingTag level={c.from} /> → <RatingTag level={c.to} />
          </Flex>
        ),
      },
    ],
    [m],
  );
  const file = (
    <Typography.Text type="secondary" style={{ fontSize: 13 }}>
      {m.file(result.fileName, result.sheet)}
    </Typography.Text>
  );
  if (result.outcome === 'refused') {
    return (
      <Flex vertical gap={12} className="vd-import-refused" data-outcome="refused">
        <Alert
          type="error"
          showIcon
          title={m.refused(result.counts.refused, result.rows)}
          description={m.refusedHint}
        />
        {file}
        <Table<Problem>
          rowKey="row"
          size="small"
          tableLayout="fixed"
          scroll={{ x: 520 }}
          columns={problemColumns}
          dataSource={result.problems}
          pagination={result.problems.length > 10 ? { pageSize: 10, size: 'small' } : false}
          className="vd-import-problems"
        />
        {result.counts.refused > result.problems.length && (
          <Typography.Text type="secondary">
            {m.moreRefused(result.problems.length, result.counts.refused)}
          </Typography.Text>
        )}
      </Flex>
    );
  }
  const written = result.counts.added + result.counts.changed + result.counts.unchanged;
  return (
    <Flex vertical gap={12} className="vd-import-written" data-outcome="written">
      <Alert type="success" showIcon title={m.written(written, result.year)} />
      {file}
      <Flex gap={24} wrap>
        <Statistic title={m.counts.added} value={result.counts.added} className="vd-import-added" />
        <Statistic title={m.counts.changed} value={result.counts.changed} className="vd-import-changed" />
        <Statistic
          title={m.counts.unchanged}
          value={result.counts.unchanged}
          className="vd-import-unchanged"
        />
        {result.skipped > 0 && <Statistic title={m.counts.skipped} value={result.skipped} />}
      </Flex>
      {result.changes.length > 0 && (
        <>
          <Typography.Text strong>{m.changes}</Typography.Text>
          <Table<Change>
            rowKey="row"
            size="small"
            tableLayout="fixed"
            scroll={{ x: 480 }}
            columns={changeColumns}
            dataSource={result.changes}
            pagination={result.changes.length > 10 ? { pageSize: 10, size: 'small' } : false}
          />
        </>
      )}
    </Flex>
  );
}
