import { TeamOutlined } from '@ant-design/icons';
import { Card, Flex, Skeleton, Spin, Typography } from 'antd';
import { useState } from 'react';
import { useT } from '../../app/language';
import { ErrorAlert } from '../../components/ErrorAlert';
import { api, type CollectiveMembers } from '../../lib/api';
import { formatDate } from '../../lib/dates';
import { useAsync } from '../../lib/use-async';
import { CandidateList, pct, YearSelect } from './shared';

function Figure({ label, value, hint }: { label: string; value: string; hint?: string }) {
  return (
    <div className="vd-figure">
      <div className="vd-figure-label">{label}</div>
      <div className="vd-figure-value">
        {value}
        {hint && <span className="vd-figure-hint"> {hint}</span>}
      </div>
    </div>
  );
}

/** The figures of a collective for the year: members, completed tasks, LĐTT share, CSTĐCS, discipline. */
export function MemberFigures({ members, compact }: { members: CollectiveMembers; compact?: boolean }) {
  const t = useT();
  const m = t.eligibility.members;
  const n = (v: number) => v.toLocaleString('vi-VN');
  const share = (v: number) => (members.total > 0 ? `(${pct((v / members.total) * 100)})` : undefined);
  return (
    <div className={compact ? 'vd-figures vd-figures-compact' : 'vd-figures'}>
      <Figure label={m.total} value={n(members.total)} />
      {members.completedTasks !== undefined && (
        <Figure
          label={m.completedTasks}
          value={n(members.completedTasks)}
          hint={share(members.completedTasks)}
        />
      )}
      {members.ldtt !== undefined && (
        <Figure
          label={m.ldttShare}
          value={members.total > 0 ? pct((members.ldtt / members.total) * 100) : t.common.none}
          hint={`(${n(members.ldtt)}/${n(members.total)})`}
        />
      )}
      {members.cstdcs !== undefined && <Figure label={m.cstdcs} value={n(members.cstdcs)} />}
      {members.disciplinedWarningOrAbove !== undefined && (
        <Figure label={m.disciplined} value={n(members.disciplinedWarningOrAbove)} />
      )}
    </div>
  );
}

/** "Điều kiện khen thưởng tập thể" of a unit, on its detail panel. */
export function UnitEligibilitySection({ unitId }: { unitId: string }) {
  const t = useT();
  const [year, setYear] = useState<number | undefined>(undefined);
  const { data, error, loading, reload } = useAsync(
    (signal) => api.unitEligibility(unitId, { year }, signal),
    [unitId, year],
  );

  return (
    <Card
      className="vd-unit-eligibility"
      title={
        <span>
          <TeamOutlined style={{ color: '#a4161a' }} /> {t.eligibility.unitTitle}
        </span>
      }
      extra={<YearSelect value={year ?? data?.year} onChange={setYear} />}
    >
      {error ? (
        <ErrorAlert error={error} onRetry={reload} />
      ) : !data ? (
        <Spin description={t.eligibility.loading}>
          <Skeleton active paragraph={{ rows: 4 }} title={false} />
        </Spin>
      ) : (
        <Spin spinning={loading} description={t.eligibility.loading}>
          <Flex vertical gap={12}>
            <Typography.Text type="secondary" style={{ fontSize: 13 }}>
              {t.eligibility.asOf(formatDate(data.asOf))}
            </Typography.Text>
            {data.members ? (
              <MemberFigures members={data.members} />
            ) : (
              <Typography.Text type="secondary">{t.eligibility.members.none}</Typography.Text>
            )}
            <CandidateList candidates={data.candidates} />
          </Flex>
        </Spin>
      )}
    </Card>
  );
}
