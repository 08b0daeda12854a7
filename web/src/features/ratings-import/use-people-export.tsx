import { CloudDownloadOutlined } from '@ant-design/icons';
import { App, Button, Tooltip } from 'antd';
import { useMessages } from '../../app/language';
import { JobProgressCard } from '../jobs/JobProgress';
import { useLatestJob } from '../jobs/use-job';
import { ratingsImportMessages } from './messages';
import { ratingsImportApi } from './ratings-import-api';

/**
 * "Xuất danh sách": the button that exports the people list with its filters (a background job), and the
 * card that follows the job on the page (it survives a reload).
 */
export function usePeopleExport(filters: { orgUnitId?: string; q?: string }) {
  const m = useMessages(ratingsImportMessages);
  const { message } = App.useApp();
  const exportJob = useLatestJob('people_export');
  const start = async () => {
    try {
      await exportJob.start(() =>
        ratingsImportApi.startPeopleExport({ orgUnitId: filters.orgUnitId, q: filters.q || undefined }),
      );
      void message.success(m.export.started);
    } catch (error) {
      void message.error(error instanceof Error ? error.message : String(error));
    }
  };
  const button = (
    <Tooltip title={m.export.hint}>
      <Button
        icon={<CloudDownloadOutlined />}
        loading={exportJob.starting}
        onClick={() => void start()}
        className="vd-people-export"
      >
        {m.export.button}
      </Button>
    </Tooltip>
  );
  const card = exportJob.job && (
    <JobProgressCard
      job={exportJob.job}
      title={`${m.export.title} — ${exportJob.job.orgUnitName}`}
      onCancel={() =>
        void exportJob.cancel().catch((error: unknown) => {
          void message.error(error instanceof Error ? error.message : String(error));
        })
      }
      onClose={exportJob.close}
    />
  );
  return { button, card };
}
