import { Alert, App, Checkbox, DatePicker, Descriptions, Form, Input, Modal, Typography } from 'antd';
import dayjs, { type Dayjs } from 'dayjs';
import { useCallback, useMemo, useState } from 'react';
import { useT } from '../../app/language';
import { OrgUnitPicker } from '../../components/OrgUnitPicker';
import { api, type OrgUnit, type PersonDetail } from '../../lib/api';
import { DATE_FORMAT, formatDate, fromIsoDate, toIsoDate } from '../../lib/dates';
import { applyServerErrors } from '../../lib/form-errors';

interface Values {
  orgUnitId?: string;
  effectiveDate: Dayjs;
  title?: string;
  isLeadership?: boolean;
}

const FIELDS = ['orgUnitId', 'effectiveDate', 'title', 'isLeadership'];

/**
 * "Chuyển công tác": the person works in another unit from a day (today unless told otherwise), with the
 * post they take there. What ends and what starts is spelt out before the user confirms.
 */
export function PersonMoveModal({
  person,
  units,
  onClose,
  onMoved,
}: {
  person: PersonDetail;
  units: readonly OrgUnit[];
  onClose: () => void;
  onMoved: () => void;
}) {
  const t = useT();
  const m = t.person.move;
  const { message } = App.useApp();
  const [form] = Form.useForm<Values>();
  const [saving, setSaving] = useState(false);
  const [formError, setFormError] = useState<string | null>(null);
  const targetId = Form.useWatch('orgUnitId', form);
  const day = Form.useWatch('effectiveDate', form);
  const title = Form.useWatch('title', form);

  const current = person.memberships.find((x) => x.toDate === null);
  const since = fromIsoDate(current?.fromDate);
  const today = dayjs().startOf('day');
  const openPosts = person.positions.filter((p) => p.toDate === null);
  const target = useMemo(() => units.find((u) => u.id === targetId), [units, targetId]);
  const isDisabled = useCallback((u: OrgUnit) => u.id === person.orgUnitId, [person.orgUnitId]);

  const submit = async (values: Values) => {
    setSaving(true);
    setFormError(null);
    try {
      const positionTitle = values.title?.trim().normalize('NFC');
      await api.movePerson(person.id, {
        version: person.version,
        orgUnitId: values.orgUnitId!,
        effectiveDate: toIsoDate(values.effectiveDate)!,
        position: positionTitle
          ? { title: positionTitle, isLeadership: values.isLeadership ?? false }
          : undefined,
      });
      void message.success(m.done);
      onMoved();
    } catch (error) {
      setFormError(applyServerErrors(form, error, FIELDS));
    } finally {
      setSaving(false);
    }
  };

  const dayText = day ? day.format(DATE_FORMAT) : '';
  const lastDay = day ? day.subtract(1, 'day').format(DATE_FORMAT) : '';
  return (
    <Modal
      open
      width={600}
      title={m.title}
      okText={m.submit}
      cancelText={t.common.cancel}
      confirmLoading={saving}
      onOk={() => form.submit()}
      onCancel={onClose}
      destroyOnHidden
    >
      {formError && <Alert type="error" showIcon title={formError} style={{ marginBottom: 16 }} />}
      <Descriptions
        size="small"
        column={1}
        style={{ marginBottom: 16 }}
        items={[
          {
            key: 'current',
            label: m.current,
            children: (
              <span>
                {person.orgUnitName}
                {current && (
                  <Typography.Text type="secondary"> ({formatDate(current.fromDate)})</Typography.Text>
                )}
              </span>
            ),
          },
        ]}
      />
      <Form<Values>
        form={form}
        layout="vertical"
        requiredMark
        initialValues={{ effectiveDate: today, isLeadership: false }}
        onFinish={(values) => void submit(values)}
      >
        <Form.Item name="orgUnitId" label={m.target} rules={[{ required: true, message: t.common.required }]}>
          <OrgUnitPicker units={units} placeholder={m.targetPlaceholder} isDisabled={isDisabled} />
        </Form.Item>
        <Form.Item
          name="effectiveDate"
          label={m.effectiveDate}
          extra={m.effectiveHint}
          rules={[{ required: true, message: t.common.required }]}
        >
          <DatePicker
            format={DATE_FORMAT}
            placeholder="dd/mm/yyyy"
            style={{ width: 200 }}
            allowClear={false}
            disabledDate={(d) => d.isAfter(today, 'day') || (!!since && d.isBefore(since, 'day'))}
          />
        </Form.Item>
        <Form.Item name="title" label={m.position} extra={m.positionHint} rules={[{ max: 200 }]}>
          <Input maxLength={200} placeholder={m.positionPlaceholder} />
        </Form.Item>
        <Form.Item name="isLeadership" valuePropName="checked">
          <Checkbox disabled={!title?.trim()}>{m.leadership}</Checkbox>
        </Form.Item>
      </Form>
      {target && day && (
        <Alert
          type="info"
          showIcon
          className="vd-move-summary"
          title={m.summary(target.name, dayText)}
          description={
            <>
              <div>{m.ends(lastDay, openPosts.map((p) => `"${p.title}"`).join(', '))}</div>
              {title?.trim() && <div>{m.startsPosition(title.trim(), dayText)}</div>}
            </>
          }
        />
      )}
    </Modal>
  );
}
