import { CheckCircleFilled, EditOutlined, ExclamationCircleOutlined, UndoOutlined } from '@ant-design/icons';
import {
  Alert,
  App,
  Button,
  Card,
  Collapse,
  Flex,
  Input,
  InputNumber,
  Popconfirm,
  Radio,
  Result,
  Select,
  Skeleton,
  Switch,
  Tag,
  Typography,
} from 'antd';
import { useState } from 'react';
import { useAuth } from '../../app/auth';
import { useT } from '../../app/language';
import { EmptyState } from '../../components/EmptyState';
import { ErrorAlert } from '../../components/ErrorAlert';
import { PageHeader } from '../../components/PageHeader';
import { api, ApiError, type RuleSetSettings, type Setting, type SettingValue } from '../../lib/api';
import { formatDate } from '../../lib/dates';
import { useAsync } from '../../lib/use-async';
import { forgetRuleSets, settingName, settingValueText } from './shared';
import { StoreCard } from './StoreCard';

/** Select options cannot carry null: "none" travels as this marker. */
const NULL_OPTION = '__null__';

function sameValue(a: SettingValue, b: SettingValue): boolean {
  return a === b;
}

/** The input that fits a setting's type. */
function ValueInput({
  setting,
  value,
  onChange,
  id,
}: {
  setting: Setting;
  value: SettingValue;
  onChange: (value: SettingValue) => void;
  id: string;
}) {
  const t = useT();
  const s = t.eligibility.settings;
  switch (setting.type) {
    case 'boolean':
      return (
        <Switch
          id={id}
          checked={value === true}
          onChange={onChange}
          checkedChildren={s.valueTrue}
          unCheckedChildren={s.valueFalse}
        />
      );
    case 'enum':
      return (
        <Select<string>
          id={id}
          style={{ minWidth: 220 }}
          value={value === null ? NULL_OPTION : String(value)}
          onChange={(v) => onChange(v === NULL_OPTION ? null : v)}
          popupMatchSelectWidth={false}
          options={(setting.values ?? []).map((v) => ({
            value: v === null ? NULL_OPTION : v,
            label: v === null ? s.valueNull : settingValueText(v, t),
          }))}
        />
      );
    case 'integer':
    case 'number':
      return (
        <InputNumber<number>
          id={id}
          style={{ width: 160 }}
          value={typeof value === 'number' ? value : null}
          min={setting.min}
          max={setting.max}
          precision={setting.type === 'integer' ? 0 : undefined}
          step={setting.type === 'integer' ? 1 : 0.5}
          decimalSeparator=","
          placeholder={setting.nullable ? s.valueNull : undefined}
          onChange={(v) => onChange(typeof v === 'number' ? v : null)}
        />
      );
  }
}

/** One setting: what it means, where it comes from, the value in force, and a form to change it. */
function SettingEditor({
  ruleSet,
  setting,
  onSaved,
}: {
  ruleSet: RuleSetSettings;
  setting: Setting;
  onSaved: () => void;
}) {
  const t = useT();
  const s = t.eligibility.settings;
  const { message } = App.useApp();
  const [draft, setDraft] = useState<SettingValue>(setting.value);
  const [reason, setReason] = useState('');
  const [scope, setScope] = useState<'ruleSet' | 'all'>('ruleSet');
  const [busy, setBusy] = useState<'save' | 'reset' | null>(null);
  const [editing, setEditing] = useState(false);
  const [error, setError] = useState<ApiError | null>(null);
  const changed = setting.overriddenBy !== null;
  const key = scope === 'all' ? setting.key : `${ruleSet.ruleSetId}:${setting.key}`;
  const inputId = `setting-${ruleSet.ruleSetId}-${setting.key}`;

  const send = async (value: SettingValue, kind: 'save' | 'reset') => {
    setBusy(kind);
    setError(null);
    try {
      if (kind === 'reset') await api.resetSetting(setting.overriddenBy ?? key);
      else await api.changeSetting(key, value, reason.trim() || undefined);
      void message.success(kind === 'save' ? s.savedOk : s.resetOk);
      setReason('');
      setEditing(false);
      forgetRuleSets();
      onSaved();
    } catch (e) {
      setError(e instanceof ApiError ? e : new ApiError(0, 'unexpected', t.common.unexpectedError));
    } finally {
      setBusy(null);
    }
  };

  const range = s.range(setting.min, setting.max);
  return (
    <div className="vd-setting" data-setting={setting.key}>
      <Flex gap={8} wrap align="center">
        <Typography.Text strong>{settingName(setting.key, t)}</Typography.Text>
        {setting.uncertain && (
          <Tag color="orange" icon={<ExclamationCircleOutlined />}>
            {s.uncertain}
          </Tag>
        )}
        {changed && <Tag color="blue">{s.changed}</Tag>}
      </Flex>
      <Typography.Paragraph style={{ margin: '6px 0 2px' }}>{setting.descriptionVi}</Typography.Paragraph>
      <div className="vd-basis">
        {s.basis}: {setting.basis}
      </div>
      <Flex gap={24} wrap style={{ margin: '8px 0' }}>
        <span>
          <Typography.Text type="secondary">{s.defaultValue}: </Typography.Text>
          {settingValueText(setting.defaultValue, t)}
        </span>
        <span>
          <Typography.Text type="secondary">{s.currentValue}: </Typography.Text>
          <strong style={{ color: changed ? '#1d4ed8' : undefined }}>
            {settingValueText(setting.value, t)}
          </strong>
        </span>
        {range && <Typography.Text type="secondary">{range}</Typography.Text>}
      </Flex>
      {editing ? (
        <Flex gap={8} wrap align="center">
          <label htmlFor={inputId} className="vd-sr-only">
            {s.newValue}
          </label>
          <ValueInput setting={setting} value={draft} onChange={setDraft} id={inputId} />
          <Input
            style={{ flex: '1 1 240px', maxWidth: 420 }}
            placeholder={s.reason}
            aria-label={s.reason}
            value={reason}
            maxLength={1000}
            onChange={(e) => setReason(e.target.value)}
          />
          <Radio.Group
            size="small"
            value={scope}
            onChange={(e) => setScope(e.target.value as 'ruleSet' | 'all')}
            options={[
              { value: 'ruleSet', label: s.scopeRuleSet },
              { value: 'all', label: s.scopeAll },
            ]}
            aria-label={s.scope}
          />
          <Button
            type="primary"
            loading={busy === 'save'}
            disabled={busy !== null || draft === null || sameValue(draft, setting.value)}
            onClick={() => void send(draft, 'save')}
          >
            {s.save}
          </Button>
          <Button
            disabled={busy !== null}
            onClick={() => {
              setEditing(false);
              setDraft(setting.value);
              setError(null);
            }}
          >
            {t.common.cancel}
          </Button>
          <Popconfirm
            title={s.resetConfirm}
            okText={s.reset}
            cancelText={t.common.cancel}
            onConfirm={() => send(null, 'reset')}
          >
            <Button icon={<UndoOutlined />} loading={busy === 'reset'} disabled={busy !== null}>
              {s.reset}
            </Button>
          </Popconfirm>
        </Flex>
      ) : (
        <Flex gap={8} wrap>
          <Button size="small" icon={<EditOutlined />} onClick={() => setEditing(true)}>
            {t.common.edit}
          </Button>
          {changed && (
            <Popconfirm
              title={s.resetConfirm}
              okText={s.reset}
              cancelText={t.common.cancel}
              onConfirm={() => send(null, 'reset')}
            >
              <Button
                size="small"
                icon={<UndoOutlined />}
                loading={busy === 'reset'}
                disabled={busy !== null}
              >
                {s.reset}
              </Button>
            </Popconfirm>
          )}
        </Flex>
      )}
      {error && (
        <Alert
          type="error"
          showIcon
          style={{ marginTop: 8 }}
          title={s.saveFailed}
          description={
            <div>
              <div>{error.message}</div>
              {error.details
                .filter((d) => d.message !== error.message)
                .map((d, i) => (
                  <div key={i}>{d.message}</div>
                ))}
            </div>
          }
          closable={{ onClose: () => setError(null) }}
        />
      )}
    </div>
  );
}

/** "Thiết lập quy tắc" (administrators): every rule set's settings, with their values in force. */
export default function SettingsPage() {
  const t = useT();
  const s = t.eligibility.settings;
  const { hasRole } = useAuth();
  const isAdmin = hasRole('admin');
  const { data, error, loading, reload } = useAsync(
    (signal) => (isAdmin ? api.eligibilitySettings(signal) : Promise.resolve({ items: [] })),
    [isAdmin],
  );

  if (!isAdmin) return <Result status="403" title={s.title} subTitle={s.forbidden} />;

  return (
    <>
      <PageHeader title={s.title} description={s.description} />
      <StoreCard key={data ? JSON.stringify(data.items.map((r) => r.settings.map((x) => x.value))) : ''} />
      {error ? (
        <ErrorAlert error={error} onRetry={reload} />
      ) : !data || (loading && data.items.length === 0) ? (
        <Card>
          <Skeleton active paragraph={{ rows: 8 }} />
        </Card>
      ) : data.items.length === 0 ? (
        <Card>
          <EmptyState title={s.empty} />
        </Card>
      ) : (
        <Collapse
          className="vd-rule-sets"
          defaultActiveKey={[data.items[data.items.length - 1]!.ruleSetId]}
          items={[...data.items].reverse().map((rs) => {
            const changedCount = rs.settings.filter((x) => !sameValue(x.value, x.defaultValue)).length;
            return {
              key: rs.ruleSetId,
              label: (
                <Flex vertical gap={4}>
                  <Typography.Text strong>{rs.nameVi}</Typography.Text>
                  <Flex gap={6} wrap align="center">
                    <Typography.Text type="secondary" style={{ fontSize: 13 }}>
                      {rs.validTo
                        ? t.eligibility.catalogue.validRange(formatDate(rs.validFrom), formatDate(rs.validTo))
                        : t.eligibility.catalogue.validOpen(formatDate(rs.validFrom))}
                    </Typography.Text>
                    <Typography.Text code style={{ fontSize: 12 }}>
                      {rs.ruleSetId}
                    </Typography.Text>
                    {rs.verified ? (
                      <Tag color="green" icon={<CheckCircleFilled />}>
                        {s.verified}
                      </Tag>
                    ) : (
                      <Tag color="orange" icon={<ExclamationCircleOutlined />}>
                        {t.eligibility.unverified}
                      </Tag>
                    )}
                    <Tag>{s.settingsCount(rs.settings.length)}</Tag>
                    {changedCount > 0 && <Tag color="blue">{s.changedCount(changedCount)}</Tag>}
                  </Flex>
                </Flex>
              ),
              children: (
                <div>
                  {rs.settings.map((setting) => (
                    <SettingEditor
                      key={`${setting.key}:${String(setting.value)}`}
                      ruleSet={rs}
                      setting={setting}
                      onSaved={reload}
                    />
                  ))}
                </div>
              ),
            };
          })}
        />
      )}
    </>
  );
}
