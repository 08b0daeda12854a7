import { Alert, App, Checkbox, Form, Input, Modal, Tooltip } from 'antd';
import { useState } from 'react';
import { ROLES } from '../../../../contract/vocabulary';
import { PASSWORD_MIN_LENGTH, USERNAME_PATTERN } from '../../../../contract/users';
import { useAuth } from '../../app/auth';
import type { Role } from '../../app/i18n';
import { useMessages, useT } from '../../app/language';
import { OrgUnitPicker } from '../../components/OrgUnitPicker';
import type { OrgUnit } from '../../lib/api';
import { applyServerErrors } from '../../lib/form-errors';
import { usersMessages } from './messages';
import { usersApi, type UserDetail, type UserSummary } from './users-api';

interface Values {
  username: string;
  fullName: string;
  orgUnitId: string;
  roles: Role[];
  password?: string;
  mustChangePassword: boolean;
}

const FIELDS = ['username', 'fullName', 'orgUnitId', 'roles', 'password', 'mustChangePassword'];
const USERNAME = new RegExp(USERNAME_PATTERN);

/**
 * Create an account (`user` absent) or change one's name, unit and roles (with the version it was read at).
 * A created account without a password gets a generated one, which the caller shows once.
 */
export function UserFormModal({
  user,
  units,
  onClose,
  onSaved,
}: {
  user?: UserSummary;
  units: readonly OrgUnit[];
  onClose: () => void;
  onSaved: (result: { user: UserDetail; temporaryPassword: string | null }) => void;
}) {
  const t = useT();
  const m = useMessages(usersMessages);
  const { me } = useAuth();
  const { message } = App.useApp();
  const [form] = Form.useForm<Values>();
  const [saving, setSaving] = useState(false);
  const [formError, setFormError] = useState<string | null>(null);
  const editing = user !== undefined;
  const self = editing && me?.username === user.username;

  const submit = async (values: Values) => {
    setSaving(true);
    setFormError(null);
    try {
      const fullName = values.fullName.trim().normalize('NFC');
      if (editing) {
        const saved = await usersApi.update(user.id, {
          version: user.version,
          fullName,
          orgUnitId: values.orgUnitId,
          roles: values.roles,
        });
        void message.success(m.saved);
        onSaved({ user: saved, temporaryPassword: null });
      } else {
        const created = await usersApi.create({
          username: values.username.trim(),
          fullName,
          orgUnitId: values.orgUnitId,
          roles: values.roles,
          password: values.password ? values.password : undefined,
          mustChangePassword: values.mustChangePassword,
        });
        void message.success(m.created);
        onSaved(created);
      }
    } catch (error) {
      setFormError(applyServerErrors(form, error, FIELDS));
    } finally {
      setSaving(false);
    }
  };

  return (
    <Modal
      open
      width={600}
      title={editing ? m.editTitle(user.fullName) : m.createTitle}
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
          editing
            ? {
                username: user.username,
                fullName: user.fullName,
                orgUnitId: user.orgUnitId,
                roles: user.roles,
                mustChangePassword: user.mustChangePassword,
              }
            : { roles: ['officer'], mustChangePassword: true, orgUnitId: me?.orgUnitId }
        }
      >
        <Form.Item
          name="username"
          label={m.field.username}
          extra={editing ? undefined : m.usernameHint}
          rules={
            editing
              ? []
              : [
                  { required: true, message: t.common.required },
                  { pattern: USERNAME, message: m.usernameInvalid },
                ]
          }
        >
          <Input
            disabled={editing}
            autoFocus={!editing}
            maxLength={50}
            autoComplete="off"
            spellCheck={false}
          />
        </Form.Item>
        <Form.Item
          name="fullName"
          label={m.field.fullName}
          rules={[{ required: true, whitespace: true, message: t.common.required }, { max: 200 }]}
        >
          <Input maxLength={200} autoFocus={editing} />
        </Form.Item>
        <Form.Item
          name="orgUnitId"
          label={m.field.orgUnit}
          rules={[{ required: true, message: t.common.required }]}
        >
          <OrgUnitPicker units={units} />
        </Form.Item>
        <Form.Item
          name="roles"
          label={m.field.roles}
          rules={[{ required: true, type: 'array', min: 1, message: m.rolesRequired }]}
        >
          <Checkbox.Group className="vd-role-checks">
            {ROLES.map((role) => {
              // an administrator cannot take their own administrator role away
              const locked = self && role === 'admin';
              const box = (
                <Checkbox key={role} value={role} disabled={locked}>
                  {t.roles[role]}
                </Checkbox>
              );
              return locked ? (
                <Tooltip key={role} title={m.selfAdminLocked}>
                  {box}
                </Tooltip>
              ) : (
                box
              );
            })}
          </Checkbox.Group>
        </Form.Item>
        {!editing && (
          <>
            <Form.Item
              name="password"
              label={m.field.password}
              extra={m.passwordHint}
              rules={[{ min: PASSWORD_MIN_LENGTH, message: m.passwordTooShort }]}
            >
              <Input.Password maxLength={200} autoComplete="new-password" />
            </Form.Item>
            <Form.Item name="mustChangePassword" valuePropName="checked">
              <Checkbox>{m.field.mustChangePassword}</Checkbox>
            </Form.Item>
          </>
        )}
      </Form>
    </Modal>
  );
}
