import { DeleteOutlined, PlusOutlined } from '@ant-design/icons';
import { Alert, App, Button, DatePicker, Flex, Form, Input, Modal, Radio, Tooltip, Typography } from 'antd';
import dayjs, { type Dayjs } from 'dayjs';
import { useState } from 'react';
import { useMessages } from '../../app/language';
import { api, ApiError, type CalendarYear } from '../../lib/api';
import { DATE_FORMAT, fromIsoDate, toIsoDate } from '../../lib/dates';
import { formFieldOf } from './days';
import { calendarMessages } from './messages';

interface DayRow {
  date: Dayjs | null;
  name?: string;
  source?: string;
  assumption?: string;
}

interface Values {
  status: CalendarYear['status'];
  holidays: DayRow[];
  workingSaturdays: DayRow[];
  notes: string;
}

const blank = (s: string | undefined) => (s && s.trim() ? s.trim().normalize('NFC') : undefined);

/** Edits a year's days off, make-up Saturdays, status and notes; saves with the version it was read at. */
export function YearEditModal({
  year,
  onClose,
  onSaved,
}: {
  year: CalendarYear;
  onClose: () => void;
  onSaved: (saved: CalendarYear) => void;
}) {
  const m = useMessages(calendarMessages);
  const { message } = App.useApp();
  const [form] = Form.useForm<Values>();
  const [saving, setSaving] = useState(false);
  const [error, setError] = useState<ApiError | null>(null);
  const inYear = (d: Dayjs) => d.year() !== year.year;
  const pickerStart = dayjs(`${year.year}-01-01`);

  const submit = async (values: Values) => {
    setSaving(true);
    setError(null);
    try {
      const saved = await api.updateCalendarYear(year.year, {
        version: year.version,
        status: values.status,
        holidays: (values.holidays ?? []).map((h) => ({
          date: toIsoDate(h.date) ?? '',
          name: (h.name ?? '').trim().normalize('NFC'),
          ...(blank(h.source) ? { source: blank(h.source) } : {}),
          ...(blank(h.assumption) ? { assumption: blank(h.assumption) } : {}),
        })),
        workingSaturdays: (values.workingSaturdays ?? []).map((s) => ({
          date: toIsoDate(s.date) ?? '',
          ...(blank(s.name) ? { name: blank(s.name) } : {}),
          ...(blank(s.source) ? { source: blank(s.source) } : {}),
        })),
        notes: (values.notes ?? '').normalize('NFC'),
      });
      void message.success(m.edit.saved(year.year));
      onSaved(saved);
    } catch (e) {
      const apiError = e instanceof ApiError ? e : new ApiError(0, 'unexpected', String(e));
      const fields = apiError.details
        .map((d) => ({ name: formFieldOf(d.path), errors: [d.message] }))
        .filter((f): f is { name: (string | number)[]; errors: string[] } => f.name !== null);
      // The paths come from the server; antd's typed field names cannot be checked against them statically.
      if (fields.length > 0) form.setFields(fields as Parameters<typeof form.setFields>[0]);
      setError(apiError);
    } finally {
      setSaving(false);
    }
  };

  return (
    <Modal
      open
      width={1040}
      title={m.edit.title(year.year)}
      okText={m.edit.save}
      onCancel={onClose}
      confirmLoading={saving}
      onOk={() => form.submit()}
      destroyOnHidden
    >
      <Form<Values>
        form={form}
        layout="vertical"
        requiredMark={false}
        onFinish={(v) => void submit(v)}
        initialValues={{
          status: year.status,
          notes: year.notes,
          holidays: year.holidays.map((h) => ({ ...h, date: fromIsoDate(h.date) })),
          workingSaturdays: year.workingSaturdays.map((s) => ({ ...s, date: fromIsoDate(s.date) })),
        }}
      >
        {error && (
          <Alert
            type="error"
            showIcon
            style={{ marginBottom: 16 }}
            title={m.edit.failed}
            description={
              <div>
                <div>{error.code === 'version_conflict' ? m.edit.conflict : error.message}</div>
                {error.details.map((d, i) => (
                  <div key={i}>
                    {d.path}: {d.message}
                  </div>
                ))}
              </div>
            }
          />
        )}
        <Form.Item name="status" label={m.edit.status} extra={m.edit.decidedHint}>
          <Radio.Group
            optionType="button"
            options={[
              { value: 'provisional', label: m.status.provisional },
              { value: 'decided', label: m.status.decided },
            ]}
          />
        </Form.Item>

        <Typography.Title level={5}>{m.daysOff}</Typography.Title>
        <Form.List name="holidays">
          {(fields, { add, remove }) => (
            <Flex vertical gap={0}>
              <Flex gap={8} className="vd-calendar-edit-head" aria-hidden>
                <Typography.Text type="secondary" style={{ width: 150 }}>
                  {m.date}
                </Typography.Text>
                <Typography.Text type="secondary" style={{ flex: '2 1 0' }}>
                  {m.name}
                </Typography.Text>
                <Typography.Text type="secondary" style={{ flex: '2 1 0' }}>
                  {m.source}
                </Typography.Text>
                <Typography.Text type="secondary" style={{ flex: '1 1 0' }}>
                  {m.assumption}
                </Typography.Text>
                <span style={{ width: 32 }} />
              </Flex>
              {fields.map(({ key, name }) => (
                <Flex key={key} gap={8} align="flex-start" className="vd-calendar-edit-row">
                  <Form.Item
                    name={[name, 'date']}
                    style={{ width: 150, marginBottom: 8 }}
                    rules={[{ required: true, message: m.edit.required }]}
                  >
                    <DatePicker
                      format={DATE_FORMAT}
                      disabledDate={inYear}
                      defaultPickerValue={pickerStart}
                      aria-label={m.date}
                    />
                  </Form.Item>
                  <Form.Item
                    name={[name, 'name']}
                    style={{ flex: '2 1 0', marginBottom: 8 }}
                    rules={[{ required: true, whitespace: true, message: m.edit.required }]}
                  >
                    <Input placeholder={m.name} aria-label={m.name} maxLength={300} />
                  </Form.Item>
                  <Form.Item name={[name, 'source']} style={{ flex: '2 1 0', marginBottom: 8 }}>
                    <Input placeholder={m.source} aria-label={m.source} maxLength={1000} />
                  </Form.Item>
                  <Form.Item name={[name, 'assumption']} style={{ flex: '1 1 0', marginBottom: 8 }}>
                    <Input placeholder={m.assumption} aria-label={m.assumption} maxLength={1000} />
                  </Form.Item>
                  <Tooltip title={m.edit.remove}>
                    <Button
                      icon={<DeleteOutlined />}
                      aria-label={m.edit.remove}
                      onClick={() => remove(name)}
                    />
                  </Tooltip>
                </Flex>
              ))}
              <Button
                type="dashed"
                icon={<PlusOutlined />}
                onClick={() => add({ date: null, name: '' })}
                style={{ alignSelf: 'flex-start' }}
              >
                {m.edit.addDayOff}
              </Button>
            </Flex>
          )}
        </Form.List>

        <Typography.Title level={5} style={{ marginTop: 20 }}>
          {m.workingSaturdays}
        </Typography.Title>
        <Form.List name="workingSaturdays">
          {(fields, { add, remove }) => (
            <Flex vertical gap={0}>
              {fields.map(({ key, name }) => (
                <Flex key={key} gap={8} align="flex-start" className="vd-calendar-edit-row">
                  <Form.Item
                    name={[name, 'date']}
                    style={{ width: 150, marginBottom: 8 }}
                    rules={[
                      { required: true, message: m.edit.required },
                      {
                        validator: (_, v: Dayjs | null) =>
                          !v || v.day() === 6
                            ? Promise.resolve()
                            : Promise.reject(new Error(m.edit.notSaturday)),
                      },
                    ]}
                  >
                    <DatePicker
                      format={DATE_FORMAT}
                      disabledDate={(d) => inYear(d) || d.day() !== 6}
                      defaultPickerValue={pickerStart}
                      aria-label={m.date}
                    />
                  </Form.Item>
                  <Form.Item name={[name, 'name']} style={{ flex: '2 1 0', marginBottom: 8 }}>
                    <Input placeholder={m.name} aria-label={m.name} maxLength={300} />
                  </Form.Item>
                  <Form.Item name={[name, 'source']} style={{ flex: '3 1 0', marginBottom: 8 }}>
                    <Input placeholder={m.source} aria-label={m.source} maxLength={1000} />
                  </Form.Item>
                  <Tooltip title={m.edit.remove}>
                    <Button
                      icon={<DeleteOutlined />}
                      aria-label={m.edit.remove}
                      onClick={() => remove(name)}
                    />
                  </Tooltip>
                </Flex>
              ))}
              <Button
                type="dashed"
                icon={<PlusOutlined />}
                onClick={() => add({ date: null })}
                style={{ alignSelf: 'flex-start' }}
              >
                {m.edit.addSaturday}
              </Button>
            </Flex>
          )}
        </Form.List>

        <Form.Item name="notes" label={m.notes} style={{ marginTop: 20 }}>
          <Input.TextArea autoSize={{ minRows: 3, maxRows: 8 }} maxLength={5000} />
        </Form.Item>
      </Form>
    </Modal>
  );
}
