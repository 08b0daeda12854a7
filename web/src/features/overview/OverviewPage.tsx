import {
  ArrowRightOutlined,
  CheckCircleOutlined,
  ExclamationCircleFilled,
  InfoCircleFilled,
  ReloadOutlined,
  WarningFilled,
} from '@ant-design/icons';
import { Button, Card, Flex, Skeleton, Tag, Typography } from 'antd';
import { Link } from 'react-router';
import type { TodoSeverity } from '../../../../contract/todo';
import { useAuth } from '../../app/auth';
import { useLanguage, useT } from '../../app/language';
import { EmptyState } from '../../components/EmptyState';
import { ErrorAlert } from '../../components/ErrorAlert';
import { useAsync } from '../../lib/use-async';
import { todoApi, type TodoItem, type TodoKind } from './todo-api';

const SEVERITY: Record<TodoSeverity, { color: string; icon: React.ReactNode }> = {
  danger: { color: '#dc2626', icon: <ExclamationCircleFilled /> },
  warning: { color: '#d97706', icon: <WarningFilled /> },
  info: { color: '#2563eb', icon: <InfoCircleFilled /> },
};
/** Items that tell a state rather than count things: an icon instead of a number. */
const STATE_KINDS = new Set(['audit_chain', 'logins_throttled']);

/** One thing to do: how many, in a sentence, where most of it is, and the button that goes there. */
function TodoCard({ item }: { item: TodoItem }) {
  const t = useT();
  const { lang } = useLanguage();
  const o = t.overview;
  const words = o.kinds[item.kind as TodoKind] as { title: string; action: string } | undefined;
  const { color, icon } = SEVERITY[item.severity];
  const showIcon =
    STATE_KINDS.has(item.kind) || (item.kind === 'eligibility_store' && item.params.state !== 'updating');
  return (
    <Card
      className="vd-todo-card"
      data-kind={item.kind}
      data-severity={item.severity}
      style={{ borderInlineStart: `4px solid ${color}` }}
    >
      <Flex gap={16} align="flex-start" wrap>
        <Flex gap={12} align="flex-start" style={{ flex: '1 1 300px', minWidth: 0 }}>
          <div className="vd-todo-count" style={{ color }}>
            {showIcon ? icon : item.count.toLocaleString(lang === 'vi' ? 'vi-VN' : 'en')}
          </div>
          <Flex vertical gap={4} style={{ flex: 1, minWidth: 0 }}>
            {words && <Typography.Text strong>{words.title}</Typography.Text>}
            <Typography.Text>{o.sentence(item)}</Typography.Text>
            {item.units.length > 1 && (
              <Flex gap={6} wrap align="center" style={{ marginTop: 2 }}>
                <Typography.Text type="secondary" style={{ fontSize: 13 }}>
                  {o.whereMost}:
                </Typography.Text>
                {item.units.map((u) => (
                  <Link key={u.orgUnitId} to={u.link}>
                    <Tag style={{ cursor: 'pointer', marginInlineEnd: 0, whiteSpace: 'normal' }}>
                      {u.orgUnitName} · {o.unitCount(u.count)}
                    </Tag>
                  </Link>
                ))}
              </Flex>
            )}
          </Flex>
        </Flex>
        {item.link && (
          <Link to={item.link} style={{ alignSelf: 'center' }}>
            <Button
              type={item.severity === 'info' ? 'default' : 'primary'}
              icon={<ArrowRightOutlined />}
              iconPlacement="end"
            >
              {words?.action ?? o.open}
            </Button>
          </Link>
        )}
      </Flex>
    </Card>
  );
}

export default function OverviewPage() {
  const t = useT();
  const { me } = useAuth();
  const todo = useAsync((signal) => todoApi.list(signal), []);
  if (!me) return null;
  const items = todo.data?.items ?? [];
  const council = me.roles.includes('council') && me.roles.length === 1;

  return (
    <Flex vertical gap={16}>
      <Card className="vd-welcome">
        <Typography.Title level={3} style={{ marginTop: 0 }}>
          {t.overview.greeting(me.fullName)}
        </Typography.Title>
        <Typography.Paragraph type="secondary" style={{ marginBottom: 8 }}>
          {t.overview.intro}
        </Typography.Paragraph>
        <Flex gap={6} wrap align="center">
          <Typography.Text strong>{t.overview.scope}:</Typography.Text>
          <Typography.Text>{me.orgUnitName}</Typography.Text>
          {me.roles.map((r) => (
            <Tag key={r} color="red">
              {t.roles[r]}
            </Tag>
          ))}
        </Flex>
      </Card>
      <Flex justify="space-between" align="flex-end" gap={12} wrap>
        <div>
          <Typography.Title level={4} style={{ margin: 0 }}>
            {t.overview.todoTitle}
          </Typography.Title>
          <Typography.Text type="secondary">{t.overview.todoHint}</Typography.Text>
        </div>
        <Button icon={<ReloadOutlined />} onClick={todo.reload} loading={todo.loading && !!todo.data}>
          {t.overview.refresh}
        </Button>
      </Flex>
      {todo.error ? (
        <ErrorAlert error={todo.error} onRetry={todo.reload} />
      ) : !todo.data ? (
        <Card>
          <Skeleton active paragraph={{ rows: 3 }} />
        </Card>
      ) : items.length === 0 ? (
        <Card className="vd-todo-empty">
          <EmptyState
            title={
              <span>
                <CheckCircleOutlined style={{ color: '#16a34a' }} />{' '}
                {council ? t.overview.councilTitle : t.overview.nothingTitle}
              </span>
            }
            hint={council ? t.overview.councilHint : t.overview.nothingHint}
          />
        </Card>
      ) : (
        <Flex vertical gap={12} className="vd-todo-list">
          {items.map((item) => (
            <TodoCard key={`${item.kind}-${item.role}`} item={item} />
          ))}
        </Flex>
      )}
    </Flex>
  );
}
