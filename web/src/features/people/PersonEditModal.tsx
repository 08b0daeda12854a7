import { Alert, App, Button, Checkbox, Col, DatePicker, Form, Input, Modal, Radio, Row, Select } from 'antd';
import type { Dayjs } from 'dayjs';
import { useState } from 'react';
import { GENDERS, PERSON_CATEGORIES } from '../../../../contract/vocabulary';
import type { Gender, PersonCategory } from '../../app/i18n';
import { useLanguage, useT } from '../../app/language';
import { ratingsImportMessages } from '../ratings-import/messages';
import { ApiError, api, type PersonDetail } from '../../lib/api';
import { DATE_FORMAT, fromIsoDate, toIsoDate } from '../../lib/dates';
import { applyServerErrors } from '../../lib/form-errors';

interface Values {
  code?: string | null;
  fullName: string;
  gender: Gender;
  birthDate?: Dayjs | null;
  ethnicity: string;
  category: PersonCategory;
  directWorker: boolean;
  startedOn?: Dayjs | null;
}

const FIELDS = [
  'code',
  'fullName',
  'gender',
  'birthDate',
  'ethnicity',
  'category',
  'directWorker',
  'startedOn',
];

/**
 * Edits a person's own details. The save carries the version the form was opened with: when someone
 * else saved in between, nothing is overwritten and the user is offered to reload.
 */
export function PersonEditModal({
  person,
  onClose,
  onSaved,
  onReload,
}: {
  person: PersonDetail;
  onClose: () => void;
  onSaved: () => void;
  /** load the person again (the form then opens on the new version) */
  onReload: () => void;
}) {
  const t = useT();
  const { lang } = useLanguage();
  const codeLabel = ratingsImportMessages[lang].personCode;
  const { message } = App.useApp();
  const [form] = Form.useForm<Values>();
  const [saving, setSaving] = useState(false);
  const [formError, setFormError] = useState<string | null>(null);
  const [conflict, setConflict] = useState(false);

  const submit = async (values: Values) => {
    setSaving(true);
    setFormError(null);
    try {
      await api.updatePerson(person.id, {
        version: person.version,
        code: values.code?.trim() || null,
        fullName: values.fullName.trim().normalize('NFC'),
        gender: values.gender,
        birthDate: toIsoDate(values.birthDate),
        ethnicity: values.ethnicity.trim().normalize('NFC'),
        category: values.category,
        directWorker: values.directWorker,
        startedOn: toIsoDate(values.startedOn),
      });
      void message.success(t.person.edit.saved);
      onSaved();
    } catch (error) {
      if (error instanceof ApiError && error.code === 'version_conflict') setConflict(true);
      else setFormError(applyServerErrors(form, error, FIELDS));
    } finally {
      setSaving(false);
    }
  };

  return (
    <Modal
      open
      width={640}
      title={t.person.edit.title}
      okText={t.common.save}
      cancelText={t.common.cancel}
      confirmLoading={saving}
      okButtonProps={{ disabled: conflict }}
      onOk={() => form.submit()}
      onCancel={onClose}
      destroyOnHidden
    >
      {conflict && (
        <Alert
          type="warning"
          showIcon
          className="vd-version-conflict"
          style={{ marginBottom: 16 }}
          title={t.person.edit.conflict}
          description={t.person.edit.conflictHint}
          action={
            <Button size="small" type="primary" onClick={onReload}>
              {t.person.edit.reload}
            </Button>
          }
        />
      )}
      {formError && <Alert type="error" showIcon title={formError} style={{ marginBottom: 16 }} />}
      <Form<Values>
        form={form}
        layout="vertical"
        requiredMark
        onFinish={(values) => void submit(values)}
        initialValues={{
          code: person.code,
          fullName: person.fullName,
          gender: person.gender,
          birthDate: fromIsoDate(person.birthDate),
          ethnicity: person.ethnicity,
          category: person.category,
          directWorker: person.directWorker,
          startedOn: fromIsoDate(person.startedOn),
        }}
      >
        <Row gutter={16}>
          <Col xs={24} sm={8}>
            <Form.Item name="code" label={codeLabel} rules={[{ max: 30 }]}>
              <Input maxLength={30} allowClear />
            </Form.Item>
          </Col>
          <Col xs={24} sm={16}>
            <Form.Item
              name="fullName"
              label={t.people.field.fullName}
              rules={[{ required: true, whitespace: true, message: t.common.required }, { max: 200 }]}
            >
              <Input maxLength={200} />
            </Form.Item>
          </Col>
        </Row>
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
              <Select options={PERSON_CATEGORIES.map((c) => ({ value: c, label: t.categories[c] }))} />
            </Form.Item>
          </Col>
          <Col xs={24} sm={12}>
            <Form.Item
              name="ethnicity"
              label={t.people.field.ethnicity}
              rules={[{ required: true, whitespace: true, message: t.common.required }, { max: 50 }]}
            >
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
      </Form>
    </Modal>
  );
}
