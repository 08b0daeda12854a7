import {
  EditOutlined,
  KeyOutlined,
  LockOutlined,
  MoreOutlined,
  PlusOutlined,
  ReloadOutlined,
  SearchOutlined,
  StopOutlined,
  UnlockOutlined,
  UserOutlined,
} from '@ant-design/icons';
import {
  App,
  Button,
  Card,
  Dropdown,
  Flex,
  Grid,
  Input,
  List,
  Pagination,
  Select,
  Table,
  Tag,
  Tooltip,
  Typography,
} from 'antd';
import type { MenuProps, TableColumnsType } from 'antd';
import { useEffect, useMemo, useState } from 'react';
import { useSearchParams } from 'react-router';
import { ROLES } from '../../../../contract/vocabulary';
import { USER_STATES } from '../../../../contract/users';
import { useAuth } from '../../app/auth';
import type { Role } from '../../app/i18n';
import { useMessages, useT } from '../../app/language';
import { EmptyState } from '../../components/EmptyState';
import { ErrorAlert } from '../../components/ErrorAlert';
import { OrgUnitPicker } from '../../components/OrgUnitPicker';
import { PageHeader } from '../../components/PageHeader';
import { useAsync } from '../../lib/use-async';
import { useOrgUnits } from '../org-units/use-org-units';
import { dateTime } from './format';
import { usersMessages } from './messages';
import { PasswordOnceModal } from './PasswordOnceModal';
import { ResetPasswordModal } from './ResetPasswordModal';
import { UserFormModal } from './UserFormModal';
import { usersApi, type LockedAccount, type UserState, type UserSummary } from './users-api';

const PAGE_SIZE = 20;
const SEARCH_DELAY_MS = 350;

function positiveInt(raw: string | null, fallback: number): number {
  const n = Number(raw);
  return Number.isInteger(n) && n > 0 ? n : fallback;
}

const isRole = (v: string | null): v is Role => v !== null && (ROLES as readonly string[]).includes(v);
const isState = (v: string | null): v is UserState =>
  v !== null && (USER_STATES as readonly string[]).includes(v);

/**
 * "Người dùng": the accounts of the administrator's subtree, searched and paged on the server (accent-
 * insensitive, Vietnamese order), with the temporarily locked accounts below. On a phone each account is a
 * small card with the same facts and actions. Filters live in the address (?q=&unit=&role=&state=&page=).
 */
export default function UsersPage() {
  const t = useT();
  const m = useMessages(usersMessages);
  const { me, refresh } = useAuth();
  const { message, modal } = App.useApp();
  const screens = Grid.useBreakpoint();
  const compact = !screens.md;
  const orgUnits = useOrgUnits();
  const [params, setParams] = useSearchParams();

  const q = params.get('q') ?? '';
  const unit = params.get('unit') ?? undefined;
  const roleParam = params.get('role');
  const role = isRole(roleParam) ? roleParam : undefined;
  const stateParam = params.get('state');
  const state = isState(stateParam) ? stateParam : undefined;
  const page = positiveInt(params.get('page'), 1);

  const [input, setInput] = useState(q);
  useEffect(() => setInput((current) => (current.trim() === q.trim() ? current : q)), [q]);

  const update = (changes: Record<string, string | number | undefined>, replace = false) => {
    const next = new URLSearchParams(params);
    for (const [key, value] of Object.entries(changes)) {
      if (value === undefined || value === '' || (key === 'page' && value === 1)) next.delete(key);
      else next.set(key, String(value));
    }
    setParams(next, { replace });
  };

  useEffect(() => {
    if (input.trim() === q.trim()) return;
    const timer = window.setTimeout(() => {
      const next = new URLSearchParams(params);
      if (input.trim()) next.set('q', input.trim());
      else next.delete('q');
      next.delete('page');
      setParams(next, { replace: true });
    }, SEARCH_DELAY_MS);
    return () => window.clearTimeout(timer);
  }, [input, q, params, setParams]);

  const list = useAsync(
    (signal) =>
      usersApi.list(
        {
          q: q.trim() || undefined,
          orgUnitId: unit,
          role,
          state,
          limit: PAGE_SIZE,
          offset: (page - 1) * PAGE_SIZE,
        },
        signal,
      ),
    [q, unit, role, state, page],
  );
  const locked = useAsync((signal) => usersApi.locked(signal), []);
  const reloadAll = () => {
    list.reload();
    locked.reload();
  };

  const [editing, setEditing] = useState<UserSummary | 'new' | null>(null);
  const [resetting, setResetting] = useState<UserSummary | null>(null);
  const [shown, setShown] = useState<{ username: string; password: string; note?: string } | null>(null);

  const fail = (error: unknown) =>
    void message.error(error instanceof Error ? error.message : t.common.unexpectedError);

  const setDisabled = async (user: UserSummary, disabled: boolean) => {
    try {
      if (disabled) await usersApi.deactivate(user.id, user.version);
      else await usersApi.reactivate(user.id, user.version);
      void message.success(disabled ? m.deactivated : m.reactivated);
    } catch (error) {
      fail(error);
    }
    list.reload();
  };

  const actionsOf = (user: UserSummary) => {
    const self = user.username === me?.username;
    const items: MenuProps['items'] = [];
    if (!self) {
      items.push({ key: 'reset', icon: <KeyOutlined />, label: m.resetPassword });
      items.push(
        user.disabled
          ? { key: 'reactivate', icon: <UnlockOutlined />, label: m.reactivate }
          : { key: 'deactivate', icon: <StopOutlined />, label: m.deactivate, danger: true },
      );
    }
    const onMenu: MenuProps['onClick'] = ({ key }) => {
      if (key === 'reset') setResetting(user);
      else if (key === 'reactivate') void setDisabled(user, false);
      else if (key === 'deactivate')
        modal.confirm({
          title: m.deactivateConfirm,
          content: m.deactivateHint,
          okText: m.deactivate,
          okButtonProps: { danger: true },
          cancelText: t.common.cancel,
          onOk: () => setDisabled(user, true),
        });
    };
    return (
      <Flex gap={4} wrap>
        <Button size="small" icon={<EditOutlined />} onClick={() => setEditing(user)}>
          {m.edit}
        </Button>
        {items.length > 0 && (
          <Dropdown menu={{ items, onClick: onMenu }} trigger={['click']}>
            <Button size="small" icon={<MoreOutlined />} aria-label={`${m.more}: ${user.username}`}>
              {compact ? m.more : undefined}
            </Button>
          </Dropdown>
        )}
      </Flex>
    );
  };

  const stateTag = (user: UserSummary) => (
    <Flex gap={4} wrap>
      {user.disabled ? (
        <Tag color="default">{m.states.disabled}</Tag>
      ) : (
        <Tag color="green">{m.states.active}</Tag>
      )}
      {user.mustChangePassword && !user.disabled && <Tag color="gold">{m.mustChange}</Tag>}
    </Flex>
  );
  const roleTags = (user: UserSummary) => (
    <Flex gap={4} wrap>
      {user.roles.map((r) => (
        <Tag key={r} color={r === 'admin' ? 'volcano' : 'blue'} style={{ marginInlineEnd: 0 }}>
          {t.roles[r]}
        </Tag>
      ))}
    </Flex>
  );
  const nameCell = (user: UserSummary) => (
    <Flex vertical gap={0} style={{ minWidth: 0 }}>
      <Typography.Text strong ellipsis={{ tooltip: user.fullName }} delete={user.disabled}>
        {user.fullName}
        {user.username === me?.username && (
          <Tag style={{ marginInlineStart: 6 }} icon={<UserOutlined />}>
            {m.you}
          </Tag>
        )}
      </Typography.Text>
      <Typography.Text type="secondary" style={{ fontSize: 12 }}>
        {user.username}
      </Typography.Text>
    </Flex>
  );

  const columns = useMemo<TableColumnsType<UserSummary>>(
    () => [
      { key: 'user', title: m.col.user, width: 220, render: (_, u) => nameCell(u) },
      {
        key: 'unit',
        title: m.col.unit,
        render: (_, u) => (
          <Tooltip title={u.orgUnitName} placement="topLeft">
            <span className="vd-cell-ellipsis">{u.orgUnitName}</span>
          </Tooltip>
        ),
      },
      { key: 'roles', title: m.col.roles, width: 200, render: (_, u) => roleTags(u) },
      { key: 'state', title: m.col.state, width: 150, render: (_, u) => stateTag(u) },
      {
        key: 'lastLogin',
        title: m.col.lastLogin,
        width: 140,
        render: (_, u) =>
          dateTime(u.lastLoginAt) ?? <Typography.Text type="secondary">{m.never}</Typography.Text>,
      },
      { key: 'actions', title: m.col.actions, width: 120, render: (_, u) => actionsOf(u) },
    ],
    // the cells read the current user and dictionaries only
    // eslint-disable-next-line react-hooks/exhaustive-deps
    [m, t, me, compact],
  );

  const filtered = q.trim() !== '' || unit !== undefined || role !== undefined || state !== undefined;
  const data = list.data;
  const empty = list.loading ? (
    <div style={{ height: 120 }} />
  ) : filtered ? (
    <EmptyState
      title={m.empty}
      hint={m.emptyHint}
      action={<Button onClick={() => setParams(new URLSearchParams())}>{m.clearFilters}</Button>}
    />
  ) : (
    <EmptyState title={m.empty} />
  );

  return (
    <>
      <PageHeader
        title={m.title}
        description={m.description}
        extra={
          <>
            <Tooltip title={m.refresh}>
              <Button icon={<ReloadOutlined />} onClick={reloadAll} aria-label={m.refresh} />
            </Tooltip>
            <Button type="primary" icon={<PlusOutlined />} onClick={() => setEditing('new')}>
              {m.create}
            </Button>
          </>
        }
      />
      <LockedAccounts
        state={locked}
        onUnlock={async (account) => {
          try {
            await usersApi.unlock(account.userId);
            void message.success(m.locked.unlocked);
          } catch (error) {
            fail(error);
          }
          locked.reload();
        }}
      />
      <Card>
        <Flex gap={12} wrap style={{ marginBottom: 16 }}>
          <Input
            allowClear
            style={{ flex: '2 1 280px' }}
            prefix={<SearchOutlined style={{ color: '#9ca3af' }} />}
            placeholder={m.searchPlaceholder}
            aria-label={m.searchPlaceholder}
            value={input}
            onChange={(e) => setInput(e.target.value)}
            onPressEnter={() => update({ q: input.trim() || undefined, page: undefined }, true)}
          />
          <OrgUnitPicker
            style={{ flex: '1 1 240px', minWidth: 0 }}
            units={orgUnits.data ?? []}
            loading={orgUnits.loading}
            allowClear
            placeholder={m.unitFilter}
            value={unit}
            onChange={(value) => update({ unit: value, page: undefined })}
          />
          <Select<Role>
            allowClear
            style={{ flex: '1 1 160px' }}
            placeholder={m.roleFilter}
            aria-label={m.roleFilter}
            value={role}
            onChange={(value) => update({ role: value, page: undefined })}
            options={ROLES.map((r) => ({ value: r, label: t.roles[r] }))}
          />
          <Select<UserState>
            allowClear
            style={{ flex: '1 1 150px' }}
            placeholder={m.stateFilter}
            aria-label={m.stateFilter}
            value={state}
            onChange={(value) => update({ state: value, page: undefined })}
            options={USER_STATES.map((s) => ({ value: s, label: m.states[s] }))}
          />
        </Flex>
        {list.error ? (
          <ErrorAlert error={list.error} onRetry={list.reload} />
        ) : compact ? (
          <>
            <List<UserSummary>
              loading={list.loading && !data}
              dataSource={data?.items ?? []}
              locale={{ emptyText: empty }}
              rowKey="id"
              renderItem={(u) => (
                <List.Item className="vd-user-card">
                  <Flex vertical gap={6} style={{ width: '100%', minWidth: 0 }}>
                    <Flex justify="space-between" gap={8} align="flex-start">
                      {nameCell(u)}
                      {stateTag(u)}
                    </Flex>
                    <Typography.Text type="secondary" ellipsis={{ tooltip: u.orgUnitName }}>
                      {u.orgUnitName}
                    </Typography.Text>
                    {roleTags(u)}
                    <Typography.Text type="secondary" style={{ fontSize: 12 }}>
                      {m.col.lastLogin}: {dateTime(u.lastLoginAt) ?? m.never}
                    </Typography.Text>
                    {actionsOf(u)}
                  </Flex>
                </List.Item>
              )}
            />
            {(data?.total ?? 0) > PAGE_SIZE && (
              <Flex justify="center" style={{ marginTop: 12 }}>
                <Pagination
                  simple
                  current={page}
                  pageSize={PAGE_SIZE}
                  total={data?.total ?? 0}
                  onChange={(next) => update({ page: next })}
                />
              </Flex>
            )}
          </>
        ) : (
          <Table<UserSummary>
            rowKey="id"
            size="middle"
            tableLayout="fixed"
            scroll={{ x: 960 }}
            loading={list.loading}
            columns={columns}
            dataSource={data?.items ?? []}
            rowClassName={(u) => (u.disabled ? 'vd-row-disabled' : '')}
            locale={{ emptyText: empty }}
            pagination={{
              current: page,
              pageSize: PAGE_SIZE,
              total: data?.total ?? 0,
              hideOnSinglePage: true,
              showSizeChanger: false,
              showTotal: (total, [from, to]) => (total > 0 ? m.range(from, to, total) : ''),
              onChange: (next) => update({ page: next }),
            }}
          />
        )}
      </Card>

      {editing && (
        <UserFormModal
          user={editing === 'new' ? undefined : editing}
          units={orgUnits.data ?? []}
          onClose={() => setEditing(null)}
          onSaved={({ user, temporaryPassword }) => {
            setEditing(null);
            if (temporaryPassword) setShown({ username: user.username, password: temporaryPassword });
            // one's own name, unit or roles changed: the header and menu follow
            if (user.username === me?.username) void refresh();
            list.reload();
          }}
        />
      )}
      {resetting && (
        <ResetPasswordModal
          user={resetting}
          onClose={() => setResetting(null)}
          onDone={({ temporaryPassword, sessionsEnded }) => {
            const user = resetting;
            setResetting(null);
            const note = m.sessionsEnded(sessionsEnded);
            if (temporaryPassword) setShown({ username: user.username, password: temporaryPassword, note });
            else void message.success([m.resetDone, note].filter(Boolean).join(' '));
            reloadAll();
          }}
        />
      )}
      {shown && <PasswordOnceModal {...shown} onClose={() => setShown(null)} />}
    </>
  );
}

/** "Tài khoản bị khóa tạm thời": who the login throttle holds now, with an unlock button each. */
function LockedAccounts({
  state,
  onUnlock,
}: {
  state: { data?: { items: LockedAccount[] }; loading: boolean; error?: unknown };
  onUnlock: (account: LockedAccount) => Promise<void>;
}) {
  const m = useMessages(usersMessages);
  const [busy, setBusy] = useState<string | null>(null);
  const items = state.data?.items ?? [];
  return (
    <Card
      size="small"
      style={{ marginBottom: 16 }}
      className="vd-locked-accounts"
      title={
        <Flex gap={8} align="center">
          <LockOutlined />
          {m.locked.title}
          {items.length > 0 && <Tag color="red">{items.length}</Tag>}
        </Flex>
      }
    >
      {items.length === 0 ? (
        <Typography.Text type="secondary">
          {state.loading && !state.data ? '…' : m.locked.empty}
        </Typography.Text>
      ) : (
        <>
          <Typography.Paragraph type="secondary" style={{ marginBottom: 8 }}>
            {m.locked.hint}
          </Typography.Paragraph>
          <List<LockedAccount>
            size="small"
            dataSource={items}
            rowKey="userId"
            renderItem={(a) => (
              <List.Item
                actions={[
                  <Button
                    key="unlock"
                    size="small"
                    type="primary"
                    icon={<UnlockOutlined />}
                    loading={busy === a.userId}
                    aria-label={`${m.locked.unlock}: ${a.username}`}
                    onClick={async () => {
                      setBusy(a.userId);
                      try {
                        await onUnlock(a);
                      } finally {
                        setBusy(null);
                      }
                    }}
                  >
                    {m.locked.unlock}
                  </Button>,
                ]}
              >
                <Flex vertical gap={0} style={{ minWidth: 0 }}>
                  <Typography.Text strong ellipsis>
                    {a.fullName} <Typography.Text type="secondary">({a.username})</Typography.Text>
                  </Typography.Text>
                  <Typography.Text type="secondary" style={{ fontSize: 12 }}>
                    {a.orgUnitName} · {m.locked.failed(a.failedAttempts)} ·{' '}
                    {m.locked.until(dateTime(a.lockedUntil) ?? '')}
                  </Typography.Text>
                </Flex>
              </List.Item>
            )}
          />
        </>
      )}
    </Card>
  );
}
