import { DesktopOutlined, LogoutOutlined, MobileOutlined, ReloadOutlined } from '@ant-design/icons';
import {
  Alert,
  App,
  Button,
  Card,
  Col,
  Descriptions,
  Flex,
  Form,
  Grid,
  Input,
  List,
  Popconfirm,
  Row,
  Table,
  Tag,
  Tooltip,
  Typography,
} from 'antd';
import type { TableColumnsType } from 'antd';
import { useMemo, useState } from 'react';
import { useNavigate } from 'react-router';
import { PASSWORD_MIN_LENGTH } from '../../../../contract/users';
import { useAuth } from '../../app/auth';
import { useMessages, useT } from '../../app/language';
import { ErrorAlert } from '../../components/ErrorAlert';
import { PageHeader } from '../../components/PageHeader';
import { applyServerErrors } from '../../lib/form-errors';
import { useAsync } from '../../lib/use-async';
import { dateTime } from './format';
import { usersMessages } from './messages';
import { describeUserAgent } from './user-agent';
import { usersApi, type SessionInfo } from './users-api';

/**
 * "Tài khoản của tôi": who I am, my open sessions (ending any, or all the others) and my password. A user
 * whose password an administrator set lands here and may do nothing else until they change it.
 */
export default function AccountPage() {
  const t = useT();
  const m = useMessages(usersMessages);
  const a = m.account;
  const { me, logout } = useAuth();
  const navigate = useNavigate();
  const { message } = App.useApp();
  const compact = !Grid.useBreakpoint().md;
  const sessions = useAsync((signal) => usersApi.mySessions(signal), []);
  const [ending, setEnding] = useState<string | null>(null);

  const fail = (error: unknown) =>
    void message.error(error instanceof Error ? error.message : t.common.unexpectedError);

  const endSession = async (session: SessionInfo) => {
    setEnding(session.id);
    try {
      await usersApi.endSession(session.id);
      if (session.current) {
        await logout();
        navigate('/login', { replace: true });
        return;
      }
      void message.success(a.ended);
    } catch (error) {
      fail(error);
    } finally {
      setEnding(null);
    }
    sessions.reload();
  };

  const endOthers = async () => {
    try {
      const { ended } = await usersApi.endOtherSessions();
      void message.success(a.endedOthers(ended));
    } catch (error) {
      fail(error);
    }
    sessions.reload();
  };

  const device = (s: SessionInfo) => {
    const d = describeUserAgent(s.userAgent);
    const name = d.browser && d.os ? m.browserOn(d.browser, d.os) : (d.browser ?? d.os ?? a.unknownDevice);
    return (
      <Flex gap={8} align="center" style={{ minWidth: 0 }}>
        {d.mobile ? <MobileOutlined /> : <DesktopOutlined />}
        <Tooltip title={s.userAgent ?? undefined} placement="topLeft">
          <Typography.Text strong ellipsis>
            {name}
          </Typography.Text>
        </Tooltip>
        {s.current && <Tag color="green">{a.thisSession}</Tag>}
      </Flex>
    );
  };
  const endButton = (s: SessionInfo) => (
    <Popconfirm
      title={a.endThisConfirm}
      okText={a.endThis}
      cancelText={t.common.cancel}
      onConfirm={() => endSession(s)}
    >
      <Button size="small" icon={<LogoutOutlined />} loading={ending === s.id} danger={!s.current}>
        {a.endThis}
      </Button>
    </Popconfirm>
  );

  const columns = useMemo<TableColumnsType<SessionInfo>>(
    () => [
      { key: 'device', title: a.device, render: (_, s) => device(s) },
      { key: 'ip', title: a.ip, width: 130, render: (_, s) => s.ip ?? t.common.none },
      { key: 'started', title: a.started, width: 140, render: (_, s) => dateTime(s.createdAt) },
      { key: 'lastActive', title: a.lastActive, width: 140, render: (_, s) => dateTime(s.lastSeenAt) },
      {
        key: 'expires',
        title: a.expires,
        width: 140,
        render: (_, s) => (
          <Tooltip title={`≤ ${dateTime(s.absoluteExpiresAt)}`}>
            <span>{dateTime(s.expiresAt)}</span>
          </Tooltip>
        ),
      },
      { key: 'actions', title: t.common.actions, width: 190, render: (_, s) => endButton(s) },
    ],
    // the cells read the dictionaries and the busy marker only
    // eslint-disable-next-line react-hooks/exhaustive-deps
    [a, t, ending],
  );

  if (!me) return null;
  const items = sessions.data?.items ?? [];
  const others = items.filter((s) => !s.current).length;

  const sessionActions = (
    <Flex gap={8} wrap>
      <Tooltip title={m.refresh}>
        <Button size="small" icon={<ReloadOutlined />} onClick={sessions.reload} aria-label={m.refresh} />
      </Tooltip>
      <Popconfirm
        title={a.endOthersConfirm}
        okText={a.endOthers}
        cancelText={t.common.cancel}
        onConfirm={endOthers}
        disabled={others === 0}
      >
        <Button size="small" danger disabled={others === 0}>
          {a.endOthers}
        </Button>
      </Popconfirm>
    </Flex>
  );
  const sessionsCard = (
    <Card title={a.sessions} extra={compact ? undefined : sessionActions}>
      <Typography.Paragraph type="secondary">{a.sessionsHint}</Typography.Paragraph>
      {compact && <div style={{ marginBottom: 12 }}>{sessionActions}</div>}
      {sessions.error ? (
        <ErrorAlert error={sessions.error} onRetry={sessions.reload} />
      ) : compact ? (
        <List<SessionInfo>
          loading={sessions.loading && !sessions.data}
          dataSource={items}
          rowKey="id"
          renderItem={(s) => (
            <List.Item>
              <Flex vertical gap={4} style={{ width: '100%', minWidth: 0 }}>
                {device(s)}
                <Typography.Text type="secondary" style={{ fontSize: 12 }}>
                  {a.ip}: {s.ip ?? t.common.none}
                </Typography.Text>
                <Typography.Text type="secondary" style={{ fontSize: 12 }}>
                  {a.started}: {dateTime(s.createdAt)} · {a.lastActive}: {dateTime(s.lastSeenAt)}
                </Typography.Text>
                <Typography.Text type="secondary" style={{ fontSize: 12 }}>
                  {a.expires}: {dateTime(s.expiresAt)}
                </Typography.Text>
                <div>{endButton(s)}</div>
              </Flex>
            </List.Item>
          )}
        />
      ) : (
        <Table<SessionInfo>
          rowKey="id"
          size="small"
          tableLayout="fixed"
          scroll={{ x: 940 }}
          loading={sessions.loading && !sessions.data}
          columns={columns}
          dataSource={items}
          pagination={false}
        />
      )}
    </Card>
  );
  const passwordCard = (
    <Card title={a.changePassword}>
      <ChangePasswordForm onChanged={sessions.reload} />
    </Card>
  );
  const profileCard = (
    <Card title={a.profile}>
      <Descriptions column={1} size="small">
        <Descriptions.Item label={m.field.fullName}>{me.fullName}</Descriptions.Item>
        <Descriptions.Item label={m.field.username}>{me.username}</Descriptions.Item>
        <Descriptions.Item label={m.field.orgUnit}>{me.orgUnitName}</Descriptions.Item>
        <Descriptions.Item label={m.field.roles}>
          <Flex gap={4} wrap>
            {me.roles.map((r) => (
              <Tag key={r}>{t.roles[r]}</Tag>
            ))}
          </Flex>
        </Descriptions.Item>
      </Descriptions>
    </Card>
  );

  return (
    <>
      <PageHeader title={a.title} description={a.description} />
      {me.mustChangePassword && (
        <Alert type="warning" showIcon title={a.mustChange} style={{ marginBottom: 16 }} />
      )}
      {/* a password set by an administrator comes first; otherwise the sessions do */}
      <Row gutter={[16, 16]}>
        {me.mustChangePassword ? (
          <>
            <Col xs={24} lg={12}>
              {passwordCard}
            </Col>
            <Col xs={24} lg={12}>
              {profileCard}
            </Col>
            <Col xs={24}>{sessionsCard}</Col>
          </>
        ) : (
          <>
            <Col xs={24}>{sessionsCard}</Col>
            <Col xs={24} lg={12}>
              {passwordCard}
            </Col>
            <Col xs={24} lg={12}>
              {profileCard}
            </Col>
          </>
        )}
      </Row>
    </>
  );
}

interface PasswordValues {
  currentPassword: string;
  newPassword: string;
  confirm: string;
}

function ChangePasswordForm({ onChanged }: { onChanged: () => void }) {
  const t = useT();
  const m = useMessages(usersMessages);
  const a = m.account;
  const { refresh } = useAuth();
  const { message } = App.useApp();
  const [form] = Form.useForm<PasswordValues>();
  const [saving, setSaving] = useState(false);
  const [formError, setFormError] = useState<string | null>(null);

  const submit = async (values: PasswordValues) => {
    setSaving(true);
    setFormError(null);
    try {
      await usersApi.changePassword(values.currentPassword, values.newPassword);
      form.resetFields();
      void message.success(a.changed);
      await refresh();
      onChanged();
    } catch (error) {
      setFormError(applyServerErrors(form, error, ['currentPassword', 'newPassword']));
    } finally {
      setSaving(false);
    }
  };

  return (
    <Form<PasswordValues> form={form} layout="vertical" onFinish={(v) => void submit(v)} requiredMark>
      <Typography.Paragraph type="secondary">{a.changePasswordHint}</Typography.Paragraph>
      {formError && <Alert type="error" showIcon title={formError} style={{ marginBottom: 16 }} />}
      <Form.Item
        name="currentPassword"
        label={a.currentPassword}
        rules={[{ required: true, message: t.common.required }]}
      >
        <Input.Password autoComplete="current-password" maxLength={200} />
      </Form.Item>
      <Form.Item
        name="newPassword"
        label={a.newPassword}
        dependencies={['currentPassword']}
        rules={[
          { required: true, message: t.common.required },
          { min: PASSWORD_MIN_LENGTH, message: m.passwordTooShort },
          ({ getFieldValue }) => ({
            validator: (_, value) =>
              value && value === getFieldValue('currentPassword')
                ? Promise.reject(new Error(a.sameAsCurrent))
                : Promise.resolve(),
          }),
        ]}
      >
        <Input.Password autoComplete="new-password" maxLength={200} />
      </Form.Item>
      <Form.Item
        name="confirm"
        label={a.confirmPassword}
        dependencies={['newPassword']}
        rules={[
          { required: true, message: t.common.required },
          ({ getFieldValue }) => ({
            validator: (_, value) =>
              !value || value === getFieldValue('newPassword')
                ? Promise.resolve()
                : Promise.reject(new Error(a.mismatch)),
          }),
        ]}
      >
        <Input.Password autoComplete="new-password" maxLength={200} />
      </Form.Item>
      <Button type="primary" htmlType="submit" loading={saving}>
        {a.submit}
      </Button>
    </Form>
  );
}
