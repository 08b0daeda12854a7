import { DeleteOutlined, EditOutlined, PlusOutlined, StopOutlined } from '@ant-design/icons';
import {
  Alert,
  App,
  Button,
  Checkbox,
  Col,
  DatePicker,
  Flex,
  Form,
  Input,
  Modal,
  Popconfirm,
  Row,
  Table,
  Tag,
  Tooltip,
  Typography,
} from 'antd';
import dayjs, { type Dayjs } from 'dayjs';
import { useState } from 'react';
import { useT } from '../../app/language';
import { EmptyState } from '../../components/EmptyState';
import { OrgUnitPicker } from '../../components/OrgUnitPicker';
import { api, type OrgUnit, type PersonDetail } from '../../lib/api';
import { DATE_FORMAT, formatDate, fromIsoDate, toIsoDate } from '../../lib/dates';
import { applyServerErrors } from '../../lib/form-errors';

type Position = PersonDetail['positions'][number];

interface Values {
  orgUnitId?: string;
  title: string;
  isLeadership: boolean;
  fromDate: Dayjs;
  toDate?: Dayjs | null;
}

const FIELDS = ['orgUnitId', 'title', 'isLeadership', 'fromDate', 'toDate'];

type Editing = { mode: 'create' } | { mode: 'edit'; entry: Position } | { mode: 'end'; entry: Position };

/**
 * "Quá trình công tác": the posts held (leadership marked: the law's rules for leaders look at it) and the
 * units worked in. Officers add, correct, end and delete posts; the units change through "Chuyển công tác".
 */
export function CareerSection({
  person,
  canEdit,
  units,
  onChanged,
}: {
  person: PersonDetail;
  canEdit: boolean;
  units: readonly OrgUnit[];
  onChanged: () => void;
}) {
  const t = useT();
  const c = t.person.career;
  const { message } = App.useApp();
  const [editing, setEditing] = useState<Editing | null>(null);
  const [deleting, setDeleting] = useState<string | null>(null);
  const positions = [...person.positions].sort(
    (a, b) => Number(a.toDate !== null) - Number(b.toDate !== null) || b.fromDate.localeCompare(a.fromDate),
  );
  const memberships = [...person.memberships].sort((a, b) => b.fromDate.localeCompare(a.fromDate));
  const until = (d: string | null) => (d ? formatDate(d) : <Tag color="green">{c.present}</Tag>);

  const remove = async (p: Position) => {
    setDeleting(p.id);
    try {
      await api.deletePosition(person.id, p.id);
      void message.success(t.common.deleted);
      onChanged();
    } catch (error) {
      void message.error(error instanceof Error ? error.message : t.common.unexpectedError);
    } finally {
      setDeleting(null);
    }
  };

  return (
    <div>
      <Flex justify="space-between" align="center" gap={8} wrap style={{ marginBottom: 8 }}>
        <Typography.Title level={5} style={{ margin: 0 }}>
          {c.positions}
        </Typography.Title>
        {canEdit && (
          <Button icon={<PlusOutlined />} onClick={() => setEditing({ mode: 'create' })}>
            {c.add}
          </Button>
        )}
      </Flex>
      <Table<Position>
        rowKey="id"
        size="middle"
        tableLayout="fixed"
        scroll={{ x: 680 }}
        pagination={false}
        dataSource={positions}
        className="vd-positions"
        locale={{ emptyText: <EmptyState compact title={c.noPositions} /> }}
        columns={[
          {
            key: 'title',
            title: c.title,
            render: (_, p) => (
              <span style={{ overflowWrap: 'anywhere' }}>
                {p.title} {p.isLeadership && <Tag color="gold">{c.leadership}</Tag>}
              </span>
            ),
          },
          {
            key: 'unit',
            title: c.unit,
            render: (_, p) => <span style={{ overflowWrap: 'anywhere' }}>{p.orgUnitName}</span>,
          },
          { key: 'from', title: c.from, width: 110, render: (_, p) => formatDate(p.fromDate) },
          { key: 'to', title: c.to, width: 110, render: (_, p) => until(p.toDate) },
          ...(canEdit
            ? [
                {
                  key: 'actions',
                  title: t.common.actions,
                  width: 120,
                  align: 'right' as const,
                  render: (_: unknown, p: Position) => (
                    <Flex gap={2} justify="flex-end">
                      <Tooltip title={t.common.edit}>
                        <Button
                          type="text"
                          size="small"
                          icon={<EditOutlined />}
                          aria-label={t.common.edit}
                          onClick={() => setEditing({ mode: 'edit', entry: p })}
                        />
                      </Tooltip>
                      {p.toDate === null && (
                        <Tooltip title={c.end}>
                          <Button
                            type="text"
                            size="small"
                            icon={<StopOutlined />}
                            aria-label={c.end}
                            onClick={() => setEditing({ mode: 'end', entry: p })}
                          />
                        </Tooltip>
                      )}
                      <Popconfirm
                        title={c.deleteConfirm}
                        description={c.deleteHint}
                        okText={t.common.yes}
                        cancelText={t.common.no}
                        okButtonProps={{ danger: true }}
                        onConfirm={() => remove(p)}
                      >
                        <Tooltip title={t.common.delete}>
                          <Button
                            type="text"
                            size="small"
                            danger
                            icon={<DeleteOutlined />}
                            aria-label={t.common.delete}
                            loading={deleting === p.id}
                          />
                        </Tooltip>
                      </Popconfirm>
                    </Flex>
                  ),
                },
              ]
            : []),
        ]}
      />
      <Typography.Title level={5} style={{ marginTop: 24 }}>
        {c.memberships}
      </Typography.Title>
      <Table
        rowKey={(m) => `${m.orgUnitId}:${m.fromDate}`}
        size="middle"
        tableLayout="fixed"
        scroll={{ x: 520 }}
        pagination={false}
        dataSource={memberships}
        locale={{ emptyText: <EmptyState compact title={c.noMemberships} /> }}
        columns={[
          {
            key: 'unit',
            title: c.unit,
            render: (_, m) => <span style={{ overflowWrap: 'anywhere' }}>{m.orgUnitName}</span>,
          },
          { key: 'from', title: c.from, width: 110, render: (_, m) => formatDate(m.fromDate) },
          { key: 'to', title: c.to, width: 110, render: (_, m) => until(m.toDate) },
        ]}
      />
      {editing && (
        <PositionModal
          person={person}
          units={units}
          editing={editing}
          onClose={() => setEditing(null)}
          onSaved={() => {
            setEditing(null);
            onChanged();
          }}
        />
      )}
    </div>
  );
}

function PositionModal({
  person,
  units,
  editing,
  onClose,
  onSaved,
}: {
  person: PersonDetail;
  units: readonly OrgUnit[];
  editing: Editing;
  onClose: () => void;
  onSaved: () => void;
}) {
  const t = useT();
  const c = t.person.career;
  const { message } = App.useApp();
  const [form] = Form.useForm<Values>();
  const [saving, setSaving] = useState(false);
  const [formError, setFormError] = useState<string | null>(null);
  const today = dayjs().startOf('day');
  const entry = editing.mode === 'create' ? undefined : editing.entry;
  // a post held long ago in a unit outside the user's scope keeps its unit (shown, not chosen)
  const unitChoosable = !entry || units.some((u) => u.id === entry.orgUnitId);
  const future = (d: Dayjs) => d.isAfter(today, 'day');

  const submit = async (values: Values) => {
    setSaving(true);
    setFormError(null);
    try {
      if (editing.mode === 'end') {
        await api.updatePosition(person.id, editing.entry.id, {
          version: editing.entry.version,
          toDate: toIsoDate(values.toDate),
        });
      } else {
        const body = {
          ...(unitChoosable && values.orgUnitId ? { orgUnitId: values.orgUnitId } : {}),
          title: values.title.trim().normalize('NFC'),
          isLeadership: values.isLeadership,
          fromDate: toIsoDate(values.fromDate)!,
          toDate: toIsoDate(values.toDate),
        };
        if (editing.mode === 'create') {
          await api.createPosition(person.id, { ...body, orgUnitId: values.orgUnitId! });
        } else {
          await api.updatePosition(person.id, editing.entry.id, { ...body, version: editing.entry.version });
        }
      }
      void message.success(t.common.saved);
      onSaved();
    } catch (error) {
      setFormError(applyServerErrors(form, error, FIELDS));
    } finally {
      setSaving(false);
    }
  };

  const title =
    editing.mode === 'create'
      ? c.addTitle
      : editing.mode === 'edit'
        ? c.editTitle
        : c.endTitle(editing.entry.title);
  return (
    <Modal
      open
      width={editing.mode === 'end' ? 440 : 600}
      title={title}
      okText={t.common.save}
      cancelText={t.common.cancel}
      confirmLoading={saving}
      onOk={() => form.submit()}
      onCancel={onClose}
      destroyOnHidden
    >
      {formError && <Alert type="error" showIcon title={formError} style={{ marginBottom: 16 }} />}
      <Form<Values>
        form={form}
        layout="vertical"
        requiredMark
        onFinish={(values) => void submit(values)}
        initialValues={
          entry
            ? {
                orgUnitId: entry.orgUnitId,
                title: entry.title,
                isLeadership: entry.isLeadership,
                fromDate: fromIsoDate(entry.fromDate)!,
                toDate: editing.mode === 'end' ? today : fromIsoDate(entry.toDate),
              }
            : { orgUnitId: person.orgUnitId, isLeadership: false, fromDate: today }
        }
      >
        {editing.mode === 'end' ? (
          <Form.Item name="toDate" label={c.endDate} rules={[{ required: true, message: t.common.required }]}>
            <DatePicker
              format={DATE_FORMAT}
              placeholder="dd/mm/yyyy"
              style={{ width: 200 }}
              disabledDate={(d) => future(d) || d.isBefore(fromIsoDate(editing.entry.fromDate), 'day')}
            />
          </Form.Item>
        ) : (
          <>
            <Form.Item
              name="title"
              label={c.titleField}
              rules={[{ required: true, whitespace: true, message: t.common.required }, { max: 200 }]}
            >
              <Input maxLength={200} placeholder={c.titlePlaceholder} />
            </Form.Item>
            <Form.Item name="isLeadership" valuePropName="checked" extra={c.leadershipHint}>
              <Checkbox>{c.leadershipField}</Checkbox>
            </Form.Item>
            {unitChoosable ? (
              <Form.Item
                name="orgUnitId"
                label={c.unit}
                rules={[{ required: true, message: t.common.required }]}
              >
                <OrgUnitPicker units={units} includeHistorical={editing.mode === 'edit'} />
              </Form.Item>
            ) : (
              <Form.Item label={c.unit}>
                <Input disabled value={entry?.orgUnitName} />
              </Form.Item>
            )}
            <Row gutter={16}>
              <Col xs={24} sm={12}>
                <Form.Item
                  name="fromDate"
                  label={c.from}
                  rules={[{ required: true, message: t.common.required }]}
                >
                  <DatePicker
                    format={DATE_FORMAT}
                    placeholder="dd/mm/yyyy"
                    style={{ width: '100%' }}
                    disabledDate={future}
                  />
                </Form.Item>
              </Col>
              <Col xs={24} sm={12}>
                <Form.Item name="toDate" label={c.to} extra={c.toHint}>
                  <DatePicker
                    format={DATE_FORMAT}
                    placeholder="dd/mm/yyyy"
                    style={{ width: '100%' }}
                    disabledDate={future}
                  />
                </Form.Item>
              </Col>
            </Row>
          </>
        )}
      </Form>
    </Modal>
  );
}
