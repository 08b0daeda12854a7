import {
  CheckCircleFilled,
  CloseCircleFilled,
  ExclamationCircleOutlined,
  QuestionCircleFilled,
} from '@ant-design/icons';
import { Collapse, Flex, Select, Tag, Tooltip, Typography } from 'antd';
import type { ReactNode } from 'react';
import { useAuth } from '../../app/auth';
import type { Messages } from '../../app/i18n';
import { useT } from '../../app/language';
import { EmptyState } from '../../components/EmptyState';
import {
  api,
  type EligibilityCandidate,
  type EligibilityReason,
  type RuleSetSettings,
  type SettingValue,
} from '../../lib/api';
import { currentYear } from '../../lib/dates';
import { useAsync } from '../../lib/use-async';

export const GREEN = '#16a34a';
export const RED = '#dc2626';
export const ORANGE = '#d97706';

/** The rule sets (names, validity, whether checked) rarely change: one request per user and page life. */
const ruleSetCache = new Map<string, Promise<RuleSetSettings[]>>();

function loadRuleSets(username: string): Promise<RuleSetSettings[]> {
  let pending = ruleSetCache.get(username);
  if (!pending) {
    pending = api.eligibilitySettings().then((r) => r.items);
    pending.catch(() => ruleSetCache.delete(username));
    ruleSetCache.set(username, pending);
  }
  return pending;
}

/** Forget the cached rule sets (after a setting was changed). */
export function forgetRuleSets(): void {
  ruleSetCache.clear();
}

/** Rule sets by id, for naming the regime a verdict was judged under. */
export function useRuleSets(): Map<string, RuleSetSettings> {
  const { me } = useAuth();
  const username = me?.username ?? '';
  const { data } = useAsync(() => loadRuleSets(username), [username]);
  return new Map((data ?? []).map((rs) => [rs.ruleSetId, rs]));
}

/** Years offered by the year selectors: this year back twelve years. */
export function yearOptions(t: Messages, extra?: number): { value: number; label: string }[] {
  const last = Math.max(currentYear(), extra ?? 0);
  return Array.from({ length: 13 }, (_, i) => last - i).map((y) => ({
    value: y,
    label: t.eligibility.yearOption(y),
  }));
}

export function YearSelect({
  value,
  onChange,
  style,
}: {
  value: number | undefined;
  onChange: (year: number) => void;
  style?: React.CSSProperties;
}) {
  const t = useT();
  return (
    <Select<number>
      aria-label={t.eligibility.yearLabel}
      style={{ width: 130, ...style }}
      value={value}
      onChange={onChange}
      options={yearOptions(t, value)}
      popupMatchSelectWidth={false}
    />
  );
}

/** A value of a rule setting in words (booleans, "none", rating levels and discipline forms named). */
export function settingValueText(value: SettingValue, t: Messages): string {
  if (value === null) return t.eligibility.settings.valueNull;
  if (value === true) return t.eligibility.settings.valueTrue;
  if (value === false) return t.eligibility.settings.valueFalse;
  if (typeof value === 'number') return value.toLocaleString('vi-VN');
  if (value in t.ratingLevels) return t.ratingLevels[value as keyof Messages['ratingLevels']];
  if (value in t.disciplineForms) return t.disciplineForms[value as keyof Messages['disciplineForms']];
  return t.settingValues[value] ?? value;
}

/** A rule setting's name (contract/catalogue.ts SETTING_NAMES); the key only for one not named yet. */
export function settingName(key: string, t: Messages): string {
  return t.settingNames[key] ?? key;
}

/** Name of the rule set a verdict applied, with a warning when it was not checked against the official text. */
export function RegimeLine({ regime }: { regime: string }) {
  const t = useT();
  const ruleSet = useRuleSets().get(regime);
  return (
    <Flex gap={6} wrap align="center" className="vd-regime">
      <Typography.Text type="secondary" style={{ fontSize: 12 }}>
        {t.eligibility.regime}: {ruleSet?.nameVi ?? regime}
      </Typography.Text>
      {ruleSet && !ruleSet.verified && (
        <Tag color="orange" icon={<ExclamationCircleOutlined />} style={{ fontSize: 11 }}>
          {t.eligibility.unverified}
        </Tag>
      )}
    </Flex>
  );
}

function ReasonIcon({ reason }: { reason: EligibilityReason }) {
  const t = useT();
  if (reason.met === true)
    return <CheckCircleFilled style={{ color: GREEN }} aria-label={t.eligibility.met} />;
  if (reason.met === false)
    return <CloseCircleFilled style={{ color: RED }} aria-label={t.eligibility.unmet} />;
  return <QuestionCircleFilled style={{ color: ORANGE }} aria-label={t.eligibility.manual} />;
}

/** One condition of a verdict: met / unmet / for the council, with its legal basis in small grey text. */
export function ReasonList({ reasons }: { reasons: readonly EligibilityReason[] }) {
  const t = useT();
  return (
    <ul className="vd-reasons">
      {reasons.map((r, i) => (
        <li key={`${r.rule}-${i}`} className="vd-reason" data-rule={r.rule}>
          <span className="vd-reason-icon">
            <Tooltip
              title={
                r.met === true
                  ? t.eligibility.met
                  : r.met === false
                    ? t.eligibility.unmet
                    : t.eligibility.manual
              }
            >
              <ReasonIcon reason={r} />
            </Tooltip>
          </span>
          <div style={{ minWidth: 0 }}>
            <div>
              {r.message}
              {r.met === null && (
                <Tag color="orange" variant="outlined" style={{ marginInlineStart: 6, fontSize: 11 }}>
                  {t.eligibility.manual}
                </Tag>
              )}
            </div>
            <div className="vd-basis">{r.basis}</div>
          </div>
        </li>
      ))}
    </ul>
  );
}

export function EligibleTag({ eligible }: { eligible: boolean }) {
  const t = useT();
  return eligible ? (
    <Tag color="green" icon={<CheckCircleFilled />} style={{ marginInlineEnd: 0 }}>
      {t.eligibility.eligible}
    </Tag>
  ) : (
    <Tag icon={<CloseCircleFilled />} style={{ marginInlineEnd: 0 }}>
      {t.eligibility.notEligible}
    </Tag>
  );
}

/** Eligible first (the server's order otherwise): the ones to propose are seen without scrolling. */
export function sortCandidates(candidates: readonly EligibilityCandidate[]): EligibilityCandidate[] {
  return [...candidates].sort((a, b) => Number(b.eligible) - Number(a.eligible));
}

/**
 * The candidate titles and awards of a person or a unit, each expandable to its conditions.
 * Eligible ones carry a green tag; others say what is missing.
 */
export function CandidateList({
  candidates,
  empty,
}: {
  candidates: readonly EligibilityCandidate[];
  empty?: ReactNode;
}) {
  const t = useT();
  if (candidates.length === 0) {
    return (
      empty ?? <EmptyState compact title={t.eligibility.noCandidates} hint={t.eligibility.noCandidatesHint} />
    );
  }
  return (
    <Collapse
      size="small"
      className="vd-candidates"
      items={sortCandidates(candidates).map((c) => ({
        key: c.award,
        className: c.eligible ? 'vd-candidate vd-candidate-eligible' : 'vd-candidate',
        label: (
          <Flex vertical gap={4} data-award={c.award} style={{ minWidth: 0 }}>
            <Flex gap={8} wrap align="center" justify="space-between">
              <Typography.Text strong>{t.awardNames[c.award]}</Typography.Text>
              <EligibleTag eligible={c.eligible} />
            </Flex>
            {!c.eligible && c.missing.length > 0 && (
              <Typography.Text type="secondary" style={{ fontSize: 13 }}>
                {t.eligibility.missing}: {c.missing.join('; ')}
              </Typography.Text>
            )}
          </Flex>
        ),
        children: (
          <Flex vertical gap={8}>
            <RegimeLine regime={c.regime} />
            <ReasonList reasons={c.reasons} />
          </Flex>
        ),
      }))}
    />
  );
}

/** A share as a percentage with one decimal, Vietnamese style ("17,1%"). */
export function pct(value: number): string {
  return `${value.toLocaleString('vi-VN', { maximumFractionDigits: 1 })}%`;
}
