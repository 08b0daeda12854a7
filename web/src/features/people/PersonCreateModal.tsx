import { Alert, App, Checkbox, Col, DatePicker, Form, Input, Modal, Radio, Row, Select } from 'antd';
import type { Dayjs } from 'dayjs';
import { useState } from 'react';
import { useAuth } from '../../app/auth';
import type { Gender, PersonCategory } from '../../app/i18n';
import { useT } from '../../app/language';
import { OrgUnitPicker } from '../../components/OrgUnitPicker';
import { api, type OrgUnit, type PersonDetail } from '../../lib/api';
import { DATE_FORMAT, toIsoDate } from '../../lib/dates';
import { applyServerErrors } from '../../lib/form-errors';

interface Values {
  fullName: string;
  gender: Gender;
  birthDate?: Dayjs | null;
  ethnicity?: string;
  category: PersonCategory;
  directWorker?: boolean;
  startedOn?: Dayjs | null;
  orgUnitId: string;
  positionTitle?: string;
  positionLeadership?: boolean;
}

const FIELDS = [
  'fullName',
  'gender',
  'birthDate',
  'ethnicity',
  'category',
  'directWorker',
  'startedOn',
  'orgUnitId',
];
const GENDERS: Gender[] = ['male', 'female'];
const CATEGORIES: PersonCategory[] = ['official', 'civil_servant', 'public_employee', 'worker'];

/** Adds a person to a unit in the user's scope (admin and officer). */
export function PersonCreateModal({
  units,
  onClose,
  onCreated,
}: {
  units: readonly OrgUnit[];
  onClose: () => void;
  onCreated: (person: PersonDetail) => void;
}) {
  const t = useT();
  const { me } = useAuth();
  const { message } = App.useApp();
  const [form] = Form.useForm<Values>();
  const [saving, setSaving] = useState(false);
  const [formError, setFormError] = useState<string | null>(null);

  const submit = async (values: Values) => {
    setSaving(true);
    setFormError(null);
    try {
      const positionTitle = values.positionTitle?.trim().normalize('NFC');
      const person = await api.createPerson({
        fullName: values.fullName.trim().normalize('NFC'),
        gender: values.gender,
        birthDate: toIsoDate(values.birthDate),
        ethnicity: values.ethnicity?.trim() || undefined,
        category: values.category,
        directWorker: values.directWorker ?? false,
        startedOn: toIsoDate(values.startedOn),
        orgUnitId: values.orgUnitId,
        position: positionTitle
          ? { title: positionTitle, isLeadership: values.positionLeadership ?? false }
          : undefined,
      });
      void message.success(t.people.created);
      onCreated(person);
    } catch (error) {
      setFormError(applyServerErrors(form, error, FIELDS));
    } finally {
      setSaving(false);
    }
  };

  return (
    <Modal
      open
      width={640}
      title={t.people.createTitle}
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
        initialValues={{
          gender: 'female',
          category: 'civil_servant',
          ethnicity: 'Kinh',
          directWorker: false,
          orgUnitId: me?.orgUnitId,
        }}
      >
        <Form.Item
          name="fullName"
          label={t.people.field.fullName}
          extra={t.people.fullNameHint}
          rules={[{ required: true, whitespace: true, message: t.common.required }, { max: 200 }]}
        >
          <Input autoFocus maxLength={200} />
        </Form.Item>
        <Row gutter={16}>
          <Col xs={24} sm={12}>
            <Form.Item name="gender" label={t.people.field.gender} rules={[{ required: true }]}>
              <Radio.Group options={GENDERS.map((g) => ({ value: g, label: t.genders[g] }))} />
            </Form.Item>
          </Col>
          <Col xs={24} sm={12}>
            <Form.Item name="birthDate" label={t.people.field.birthDate}>
              <DatePicker format={DATE_FORMAT} style={{ width: '100%' }} placeholder="dd/mm/yyyy" />
            </Form.Item>
          </Col>
          <Col xs={24} sm={12}>
            <Form.Item name="category" label={t.people.field.category} rules={[{ required: true }]}>
              <Select options={CATEGORIES.map((c) => ({ value: c, label: t.categories[c] }))} />
            </Form.Item>
          </Col>
          <Col xs={24} sm={12}>
            <Form.Item name="ethnicity" label={t.people.field.ethnicity} rules={[{ max: 50 }]}>
              <Input maxLength={50} />
            </Form.Item>
          </Col>
          <Col xs={24} sm={12}>
            <Form.Item name="startedOn" label={t.people.field.startedOn}>
              <DatePicker format={DATE_FORMAT} style={{ width: '100%' }} placeholder="dd/mm/yyyy" />
            </Form.Item>
          </Col>
          <Col xs={24} sm={12}>
            <Form.Item name="directWorker" valuePropName="checked" label=" ">
              <Checkbox>{t.people.field.directWorker}</Checkbox>
            </Form.Item>
          </Col>
        </Row>
        <Form.Item
          name="orgUnitId"
          label={t.people.field.orgUnit}
          rules={[{ required: true, message: t.common.required }]}
        >
          <OrgUnitPicker units={units} />
        </Form.Item>
        <Row gutter={16} align="bottom">
          <Col xs={24} sm={14}>
            <Form.Item
              name="positionTitle"
              label={t.people.field.position}
              extra={t.people.positionHint}
              rules={[{ max: 200 }]}
            >
              <Input maxLength={200} placeholder={t.person.career.titlePlaceholder} />
            </Form.Item>
          </Col>
          <Col xs={24} sm={10}>
            <Form.Item name="positionLeadership" valuePropName="checked">
              <Checkbox>{t.people.field.leadership}</Checkbox>
            </Form.Item>
          </Col>
        </Row>
      </Form>
    </Modal>
  );
}
