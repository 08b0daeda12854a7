import { ResponsiveTable } from '../../components/ResponsiveTable';
import { ExclamationCircleOutlined } from '@ant-design/icons';
import { Alert, Flex, Tag, Tooltip, Typography } from 'antd';
import type { CalendarHoliday, CalendarWorkingSaturday } from '../../../../contract/calendar';
import { useMessages } from '../../app/language';
import type { CalendarYear } from '../../lib/api';
import { formatDate } from '../../lib/dates';
import { isWeekend, weekdayOf } from './days';
import { calendarMessages } from './messages';

/** The status of a year: green when decided, an orange warning tag "Tạm tính" with its explanation. */
export function YearStatusTag({ status }: { status: CalendarYear['status'] }) {
  const m = useMessages(calendarMessages);
  if (status === 'decided') return <Tag color="green">{m.status.decided}</Tag>;
  return (
    <Tooltip title={m.provisionalExplain}>
      <Tag color="orange" icon={<ExclamationCircleOutlined />}>
        {m.status.provisional}
      </Tag>
    </Tooltip>
  );
}

function Basis({ text }: { text?: string }) {
  if (!text) return <Typography.Text type="secondary">—</Typography.Text>;
  return <span className="vd-basis">{text}</span>;
}

/** One year: its status, its days off and its make-up Saturdays, in tables. */
export function YearView({ year }: { year: CalendarYear }) {
  const m = useMessages(calendarMessages);
  const weekdaysOff = year.holidays.filter((h) => !isWeekend(h.date)).length;
  const dateCell = (iso: string) => <span style={{ whiteSpace: 'nowrap' }}>{formatDate(iso)}</span>;
  const weekdayCell = (iso: string) => m.weekdays[weekdayOf(iso)];
  /** a day off on a weekend changes nothing by itself: shown muted */
  const restWeekdayCell = (iso: string) =>
    isWeekend(iso) ? (
      <Typography.Text type="secondary">{weekdayCell(iso)}</Typography.Text>
    ) : (
      weekdayCell(iso)
    );

  return (
    <Flex vertical gap={16} className="vd-calendar-year" data-year={year.year}>
      {year.status === 'provisional' ? (
        <Alert type="warning" showIcon title={m.status.provisional} description={m.provisionalExplain} />
      ) : (
        <Alert type="success" showIcon title={m.status.decided} description={m.decidedExplain} />
      )}
      <Flex gap={12} wrap align="center">
        <Typography.Text strong>{m.summary(weekdaysOff, year.workingSaturdays.length)}</Typography.Text>
      </Flex>

      <div>
        <Typography.Title level={5} style={{ marginTop: 0 }}>
          {m.daysOff}
        </Typography.Title>
        <Typography.Paragraph type="secondary">{m.daysOffHelp}</Typography.Paragraph>
        <ResponsiveTable<CalendarHoliday>
          size="small"
          rowKey="date"
          pagination={false}
          dataSource={year.holidays}
          locale={{ emptyText: m.noDaysOff }}
          rowClassName={(h) => (isWeekend(h.date) ? 'vd-calendar-weekend' : '')}
          columns={[
            { title: m.date, dataIndex: 'date', width: 120, render: dateCell },
            { title: m.weekday, dataIndex: 'date', key: 'weekday', width: 110, render: restWeekdayCell },
            {
              title: m.name,
              dataIndex: 'name',
              render: (name: string, h) => (
                <Flex vertical gap={4}>
                  <span>
                    {name}
                    {isWeekend(h.date) && (
                      <Typography.Text type="secondary"> ({m.onWeekend})</Typography.Text>
                    )}
                  </span>
                  {h.assumption && (
                    <Flex gap={6} align="flex-start">
                      <Tag color="orange" style={{ marginInlineEnd: 0 }}>
                        {m.assumptionTag}
                      </Tag>
                      <Typography.Text type="secondary" style={{ fontSize: 13 }}>
                        {h.assumption}
                      </Typography.Text>
                    </Flex>
                  )}
                </Flex>
              ),
            },
            {
              title: m.source,
              dataIndex: 'source',
              width: '34%',
              render: (s?: string) => <Basis text={s} />,
            },
          ]}
        />
      </div>

      <div>
        <Typography.Title level={5} style={{ marginTop: 0 }}>
          {m.workingSaturdays}
        </Typography.Title>
        <Typography.Paragraph type="secondary">{m.workingSaturdaysHelp}</Typography.Paragraph>
        <ResponsiveTable<CalendarWorkingSaturday>
          size="small"
          rowKey="date"
          pagination={false}
          dataSource={year.workingSaturdays}
          locale={{ emptyText: m.noWorkingSaturdays }}
          columns={[
            { title: m.date, dataIndex: 'date', width: 120, render: dateCell },
            { title: m.weekday, dataIndex: 'date', key: 'weekday', width: 110, render: weekdayCell },
            { title: m.name, dataIndex: 'name', render: (n?: string) => n ?? '—' },
            {
              title: m.source,
              dataIndex: 'source',
              width: '34%',
              render: (s?: string) => <Basis text={s} />,
            },
          ]}
        />
      </div>

      {year.notes && (
        <div>
          <Typography.Title level={5} style={{ marginTop: 0 }}>
            {m.notes}
          </Typography.Title>
          <Typography.Paragraph style={{ whiteSpace: 'pre-line' }}>{year.notes}</Typography.Paragraph>
        </div>
      )}
    </Flex>
  );
}
