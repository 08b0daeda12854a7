import { CalendarOutlined, EditOutlined, ExclamationCircleOutlined, PlusOutlined } from '@ant-design/icons';
import {
  Alert,
  App,
  Button,
  Card,
  Flex,
  Form,
  InputNumber,
  Modal,
  Skeleton,
  Tabs,
  Tag,
  Typography,
} from 'antd';
import { useState } from 'react';
import { useAuth } from '../../app/auth';
import { useMessages } from '../../app/language';
import { EmptyState } from '../../components/EmptyState';
import { ErrorAlert } from '../../components/ErrorAlert';
import { PageHeader } from '../../components/PageHeader';
import { api, ApiError, type CalendarYear } from '../../lib/api';
import { currentYear } from '../../lib/dates';
import { useAsync } from '../../lib/use-async';
import { calendarMessages } from './messages';
import { WorkingDayTool } from './WorkingDayTool';
import { YearEditModal } from './YearEditModal';
import { YearStatusTag, YearView } from './YearView';

function CreateYearModal({
  suggested,
  onClose,
  onCreated,
}: {
  suggested: number;
  onClose: () => void;
  onCreated: (year: CalendarYear) => void;
}) {
  const m = useMessages(calendarMessages);
  const { message } = App.useApp();
  const [form] = Form.useForm<{ year: number }>();
  const [saving, setSaving] = useState(false);
  const [error, setError] = useState<string | null>(null);
  const submit = async ({ year }: { year: number }) => {
    setSaving(true);
    setError(null);
    try {
      const created = await api.createProvisionalYear(year);
      void message.success(m.create.done(year));
      onCreated(created);
    } catch (e) {
      setError(e instanceof ApiError ? e.message : String(e));
    } finally {
      setSaving(false);
    }
  };
  return (
    <Modal
      open
      title={m.create.title}
      okText={m.create.submit}
      confirmLoading={saving}
      onOk={() => form.submit()}
      onCancel={onClose}
    >
      <Typography.Paragraph>{m.create.help}</Typography.Paragraph>
      {error && <Alert type="error" showIcon title={error} style={{ marginBottom: 12 }} />}
      <Form form={form} layout="inline" initialValues={{ year: suggested }} onFinish={(v) => void submit(v)}>
        <Form.Item name="year" label={m.create.year} rules={[{ required: true }]}>
          <InputNumber<number> min={2000} max={2100} precision={0} style={{ width: 120 }} />
        </Form.Item>
      </Form>
    </Modal>
  );
}

/** "Lịch làm việc": the years of the calendar, the 24/11 caveat, the counting tool; editing for administrators. */
export default function CalendarPage() {
  const m = useMessages(calendarMessages);
  const { hasRole } = useAuth();
  const canEdit = hasRole('admin');
  const { data, error, loading, reload } = useAsync((signal) => api.calendarYears(signal), []);
  const [active, setActive] = useState<number | null>(null);
  const [editing, setEditing] = useState<CalendarYear | null>(null);
  const [creating, setCreating] = useState(false);

  const years = data?.items ?? [];
  const shown =
    years.find((y) => y.year === active) ??
    years.find((y) => y.year === currentYear()) ??
    years[years.length - 1];
  const nextYear = years.length > 0 ? years[years.length - 1]!.year + 1 : currentYear();

  return (
    <>
      <PageHeader
        title={m.title}
        description={m.description}
        extra={
          canEdit && (
            <Button type="primary" icon={<PlusOutlined />} onClick={() => setCreating(true)}>
              {m.create.button}
            </Button>
          )
        }
      />
      <Flex vertical gap={16}>
        <WorkingDayTool />
        <Alert
          type="warning"
          showIcon
          icon={<ExclamationCircleOutlined />}
          title={
            <Flex gap={8} align="center" wrap>
              {m.cultureDayTitle}
              <Tag color="orange">{m.uncertain}</Tag>
            </Flex>
          }
          description={m.cultureDay}
        />
        {error ? (
          <ErrorAlert error={error} onRetry={reload} />
        ) : !data || (loading && years.length === 0) ? (
          <Card>
            <Skeleton active paragraph={{ rows: 8 }} />
          </Card>
        ) : years.length === 0 || !shown ? (
          <Card>
            <EmptyState title={m.empty} />
          </Card>
        ) : (
          <Card>
            <Tabs
              activeKey={String(shown.year)}
              onChange={(k) => setActive(Number(k))}
              tabBarExtraContent={
                canEdit && (
                  <Button icon={<EditOutlined />} onClick={() => setEditing(shown)}>
                    {m.edit.button}
                  </Button>
                )
              }
              items={years.map((y) => ({
                key: String(y.year),
                label: (
                  <Flex gap={6} align="center">
                    <CalendarOutlined />
                    {m.yearTab(y.year)}
                    <YearStatusTag status={y.status} />
                  </Flex>
                ),
                children: <YearView year={y} />,
              }))}
            />
          </Card>
        )}
      </Flex>
      {editing && (
        <YearEditModal
          year={editing}
          onClose={() => setEditing(null)}
          onSaved={(saved) => {
            setEditing(null);
            setActive(saved.year);
            reload();
          }}
        />
      )}
      {creating && (
        <CreateYearModal
          suggested={nextYear}
          onClose={() => setCreating(false)}
          onCreated={(created) => {
            setCreating(false);
            setActive(created.year);
            reload();
          }}
        />
      )}
    </>
  );
}
