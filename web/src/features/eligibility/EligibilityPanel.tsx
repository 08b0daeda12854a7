import { SafetyCertificateOutlined, TrophyOutlined } from '@ant-design/icons';
import { Card, Divider, Flex, Skeleton, Spin, Tag, Typography } from 'antd';
import { useState } from 'react';
import { Link } from 'react-router';
import type { RatingLevel } from '../../app/i18n';
import { useT } from '../../app/language';
import { ErrorAlert } from '../../components/ErrorAlert';
import { RATING_COLORS, RatingTag } from '../../components/RatingTag';
import { api, type PersonEligibility } from '../../lib/api';
import { formatDate } from '../../lib/dates';
import { useAsync } from '../../lib/use-async';
import { CandidateList, YearSelect } from './shared';
import { MemberFigures } from './UnitEligibilitySection';

function isRatingLevel(level: string): level is RatingLevel {
  return Object.hasOwn(RATING_COLORS, level);
}

/** For a head of unit: the collective's ratings and awards, which their own commendation rests on. */
function LeaderUnit({ unit }: { unit: NonNullable<PersonEligibility['unit']> }) {
  const t = useT();
  return (
    <div className="vd-leader-unit">
      <Divider style={{ margin: '16px 0 12px' }} />
      <Typography.Title level={5} style={{ marginTop: 0 }}>
        {t.eligibility.leaderTitle}
      </Typography.Title>
      <Typography.Paragraph type="secondary" style={{ fontSize: 13, marginBottom: 8 }}>
        {t.eligibility.leaderNote}
      </Typography.Paragraph>
      <Flex vertical gap={10}>
        <Link to={`/org-units?unit=${encodeURIComponent(unit.id)}`}>{unit.name}</Link>
        {unit.members && <MemberFigures members={unit.members} compact />}
        <div>
          <Typography.Text strong style={{ display: 'block', marginBottom: 4 }}>
            {t.eligibility.unitRatings}
          </Typography.Text>
          {unit.ratings.length === 0 ? (
            <Typography.Text type="secondary">{t.eligibility.noUnitRatings}</Typography.Text>
          ) : (
            <Flex gap={6} wrap>
              {unit.ratings.map((r) =>
                isRatingLevel(r.level) ? (
                  <RatingTag key={r.year} level={r.level} year={r.year} />
                ) : (
                  <Tag key={r.year}>
                    {r.level} · {r.year}
                  </Tag>
                ),
              )}
            </Flex>
          )}
        </div>
        <div>
          <Typography.Text strong style={{ display: 'block', marginBottom: 4 }}>
            {t.eligibility.unitAwards}
          </Typography.Text>
          {unit.awards.length === 0 ? (
            <Typography.Text type="secondary">{t.eligibility.noUnitAwards}</Typography.Text>
          ) : (
            <Flex vertical gap={4}>
              {unit.awards.map((a, i) => (
                <span key={`${a.code}-${a.year}-${i}`}>
                  <TrophyOutlined style={{ color: '#b45309' }} /> {t.awardNames[a.code]}{' '}
                  <Typography.Text type="secondary">· {a.year}</Typography.Text>
                </span>
              ))}
            </Flex>
          )}
        </div>
      </Flex>
    </div>
  );
}

/** "Điều kiện khen thưởng" of a person: what they could be proposed for, and what is still missing. */
export function EligibilityPanel({ personId }: { personId: string }) {
  const t = useT();
  const [year, setYear] = useState<number | undefined>(undefined);
  const { data, error, loading, reload } = useAsync(
    (signal) => api.personEligibility(personId, { year }, signal),
    [personId, year],
  );
  const eligibleCount = data?.candidates.filter((c) => c.eligible).length ?? 0;

  return (
    <Card
      className="vd-eligibility"
      data-person-id={personId}
      title={
        <span>
          <SafetyCertificateOutlined style={{ color: '#a4161a' }} /> {t.person.eligibility.title}
        </span>
      }
      extra={<YearSelect value={year ?? data?.year} onChange={setYear} />}
    >
      {error ? (
        <ErrorAlert error={error} onRetry={reload} />
      ) : !data ? (
        <Flex vertical gap={8} align="center">
          <Spin description={t.eligibility.loading}>
            <div style={{ height: 48 }} />
          </Spin>
          <Skeleton active paragraph={{ rows: 4 }} title={false} style={{ width: '100%' }} />
        </Flex>
      ) : (
        <Spin spinning={loading} description={t.eligibility.loading}>
          <Flex justify="space-between" wrap gap={8} style={{ marginBottom: 10 }}>
            <Typography.Text type="secondary" style={{ fontSize: 13 }}>
              {t.eligibility.eligibleCount(eligibleCount, data.candidates.length)}
            </Typography.Text>
            <Typography.Text type="secondary" style={{ fontSize: 13 }}>
              {t.eligibility.asOf(formatDate(data.asOf))}
            </Typography.Text>
          </Flex>
          <CandidateList candidates={data.candidates} />
          {data.isLeader &&
            (data.unit ? (
              <LeaderUnit unit={data.unit} />
            ) : (
              <Typography.Paragraph type="secondary" style={{ marginTop: 12 }}>
                {t.eligibility.noUnitData}
              </Typography.Paragraph>
            ))}
        </Spin>
      )}
    </Card>
  );
}
