import { CalculatorOutlined, ExclamationCircleOutlined } from '@ant-design/icons';
import { Alert, Button, Card, DatePicker, Flex, Form, InputNumber, Segmented, Tag, Typography } from 'antd';
import type { Dayjs } from 'dayjs';
import { useState } from 'react';
import { useMessages } from '../../app/language';
import { api, ApiError } from '../../lib/api';
import { DATE_FORMAT, formatDate, toIsoDate } from '../../lib/dates';
import { weekdayOf } from './days';
import { calendarMessages } from './messages';

type Mode = 'add' | 'between';

interface Values {
  from?: Dayjs | null;
  n?: number | null;
  to?: Dayjs | null;
}

/** "Tính ngày làm việc": from a date plus N working days, or the working days between two dates. */
export function WorkingDayTool() {
  const m = useMessages(calendarMessages);
  const [form] = Form.useForm<Values>();
  const [mode, setMode] = useState<Mode>('add');
  const [busy, setBusy] = useState(false);
  const [answer, setAnswer] = useState<{ text: string; provisional: boolean } | null>(null);
  const [error, setError] = useState<string | null>(null);

  const submit = async (values: Values) => {
    const from = toIsoDate(values.from);
    if (!from) return;
    setBusy(true);
    setError(null);
    setAnswer(null);
    try {
      if (mode === 'add') {
        const n = values.n ?? 1;
        const r = await api.countWorkingDays({ from, add: n });
        if (!('date' in r)) return;
        const weekday = m.weekdays[weekdayOf(r.date)]!;
        setAnswer({
          text: m.tool.resultDate(n, formatDate(from), weekday, formatDate(r.date)),
          provisional: r.provisional,
        });
      } else {
        const to = toIsoDate(values.to);
        if (!to) return;
        const r = await api.countWorkingDays({ from, to });
        if (!('days' in r)) return;
        setAnswer({
          text: m.tool.resultDays(r.days, formatDate(from), formatDate(to)),
          provisional: r.provisional,
        });
      }
    } catch (e) {
      setError(e instanceof ApiError ? e.message : String(e));
    } finally {
      setBusy(false);
    }
  };

  return (
    <Card
      className="vd-calendar-tool"
      title={
        <Flex gap={8} align="center">
          <CalculatorOutlined />
          {m.tool.title}
        </Flex>
      }
      extra={
        <Segmented<Mode>
          value={mode}
          onChange={(v) => {
            setMode(v);
            setAnswer(null);
            setError(null);
          }}
          options={[
            { value: 'add', label: m.tool.modeAdd },
            { value: 'between', label: m.tool.modeBetween },
          ]}
        />
      }
    >
      <Typography.Paragraph type="secondary" style={{ marginTop: 0 }}>
        {m.tool.intro}
      </Typography.Paragraph>
      <Form
        form={form}
        name="working-days"
        layout="inline"
        onFinish={(v) => void submit(v)}
        initialValues={{ n: 10 }}
        requiredMark={false}
      >
        <Form.Item name="from" label={m.tool.from} rules={[{ required: true, message: m.edit.required }]}>
          <DatePicker format={DATE_FORMAT} allowClear={false} />
        </Form.Item>
        {mode === 'add' ? (
          <Form.Item name="n" label={m.tool.n} rules={[{ required: true, message: m.edit.required }]}>
            <InputNumber<number> min={1} max={10000} precision={0} style={{ width: 110 }} />
          </Form.Item>
        ) : (
          <Form.Item name="to" label={m.tool.to} rules={[{ required: true, message: m.edit.required }]}>
            <DatePicker format={DATE_FORMAT} allowClear={false} />
          </Form.Item>
        )}
        <Form.Item>
          {/* `disabled`, not `loading`: antd 6 sometimes leaves the loading icon in place when an answer
              arrives within a frame (seen in the browser tests), and counting is that fast. */}
          <Button type="primary" htmlType="submit" disabled={busy}>
            {m.tool.compute}
          </Button>
        </Form.Item>
      </Form>
      {answer && (
        <Alert
          style={{ marginTop: 16 }}
          type={answer.provisional ? 'warning' : 'success'}
          showIcon
          role="status"
          title={<span className="vd-calendar-answer">{answer.text}</span>}
          description={
            answer.provisional ? (
              <Flex gap={8} align="center" wrap>
                <Tag color="orange" icon={<ExclamationCircleOutlined />}>
                  {m.status.provisional}
                </Tag>
                {m.tool.provisional}
              </Flex>
            ) : undefined
          }
        />
      )}
      {error && (
        <Alert style={{ marginTop: 16 }} type="error" showIcon title={m.tool.failed} description={error} />
      )}
    </Card>
  );
}
