import { ArrowLeftOutlined, ExclamationCircleOutlined, WarningOutlined } from '@ant-design/icons';
import {
  Alert,
  Button,
  Card,
  Descriptions,
  Flex,
  Result,
  Skeleton,
  Table,
  Tabs,
  Tag,
  Tooltip,
  Typography,
} from 'antd';
import { Link, useParams } from 'react-router';
import type { Messages } from '../../app/i18n';
import { useLanguage, useT } from '../../app/language';
import { EmptyState } from '../../components/EmptyState';
import { ErrorAlert } from '../../components/ErrorAlert';
import { PageHeader } from '../../components/PageHeader';
import { api, type AwardDescription } from '../../lib/api';
import { formatDate } from '../../lib/dates';
import { useAsync } from '../../lib/use-async';
import { ORANGE, settingName, settingValueText } from './shared';

type Regime = AwardDescription['regimes'][number];
type Route = Regime['routes'][number];
type Condition = Route['conditions'][number];
type BonusRegime = keyof AwardDescription['entry']['bonus'];
type Coefficient = NonNullable<NonNullable<AwardDescription['entry']['bonus'][BonusRegime]>['individual']>;

const BONUS_REGIMES: BonusRegime[] = ['ND91', 'ND98', 'ND152'];

export function UncertainTag({ title }: { title?: string }) {
  const t = useT();
  return (
    <Tooltip title={title}>
      <Tag color="orange" icon={<ExclamationCircleOutlined />} className="vd-uncertain">
        {t.eligibility.catalogue.uncertain}
      </Tag>
    </Tooltip>
  );
}

function validity(t: Messages, from: string, to: string | null): string {
  const c = t.eligibility.catalogue;
  return to ? c.validRange(formatDate(from), formatDate(to)) : c.validOpen(formatDate(from));
}

function CoefficientCell({ value }: { value: Coefficient | undefined }) {
  const t = useT();
  if (!value) return <Typography.Text type="secondary">{t.common.none}</Typography.Text>;
  return (
    <div>
      {value.value === null ? (
        <Typography.Text type="secondary">{t.eligibility.catalogue.bonusNone}</Typography.Text>
      ) : (
        <span>
          {value.ceiling && `${t.eligibility.catalogue.ceiling} `}
          <strong>{value.value.toLocaleString('vi-VN')}</strong>
        </span>
      )}
      {value.uncertain && <UncertainTag />}
      <div className="vd-basis">{value.basis}</div>
    </div>
  );
}

function ConditionItem({ condition, index }: { condition: Condition; index: number }) {
  const t = useT();
  return (
    <li className="vd-reason" data-rule={condition.rule}>
      <span className="vd-condition-no">{index + 1}.</span>
      <div style={{ minWidth: 0 }}>
        <div>
          {condition.textVi}
          {condition.uncertain && <UncertainTag />}
        </div>
        <div className="vd-basis">{condition.basis}</div>
        {condition.settings.length > 0 && (
          <Flex gap={4} wrap align="center" style={{ marginTop: 4 }}>
            <Typography.Text type="secondary" style={{ fontSize: 12 }}>
              {t.eligibility.catalogue.settingsInForce}:
            </Typography.Text>
            {condition.settings.map((s) => (
              <Tooltip key={s.key} title={s.uncertain ? t.eligibility.catalogue.uncertain : undefined}>
                <Tag
                  color={s.uncertain ? 'orange' : 'default'}
                  variant="outlined"
                  style={{ fontSize: 12 }}
                  icon={s.uncertain ? <ExclamationCircleOutlined /> : undefined}
                >
                  {settingName(s.key, t)}: {settingValueText(s.value, t)}
                </Tag>
              </Tooltip>
            ))}
          </Flex>
        )}
      </div>
    </li>
  );
}

function RouteBlock({ route }: { route: Route }) {
  const t = useT();
  const c = t.eligibility.catalogue;
  return (
    <Card
      size="small"
      className="vd-route"
      title={
        <Flex gap={8} wrap align="center" style={{ padding: '6px 0', whiteSpace: 'normal' }}>
          <span>{route.nameVi}</span>
          <Tag color={route.kind === 'manual' ? 'orange' : 'blue'}>
            {route.kind === 'manual' ? c.routeManual : c.routeRegular}
          </Tag>
          {route.subjects.map((s) => (
            <Tag key={s}>{t.eligibility.subjects[s]}</Tag>
          ))}
        </Flex>
      }
    >
      {route.conditions.length === 0 ? (
        <div>
          <Typography.Text type="secondary">{c.noConditions}</Typography.Text>
          {route.basis && <div className="vd-basis">{route.basis}</div>}
        </div>
      ) : (
        <ol className="vd-reasons">
          {route.conditions.map((cond, i) => (
            <ConditionItem key={cond.id} condition={cond} index={i} />
          ))}
        </ol>
      )}
    </Card>
  );
}

function RegimeTab({ regime }: { regime: Regime }) {
  const t = useT();
  const c = t.eligibility.catalogue;
  return (
    <Flex vertical gap={12}>
      <div>
        <Typography.Title level={5} style={{ margin: 0 }}>
          {regime.nameVi}
        </Typography.Title>
        <Typography.Text type="secondary">
          {c.validity}: {validity(t, regime.validFrom, regime.validTo)}
        </Typography.Text>
        <div className="vd-basis">
          {c.basis}: {regime.basis}
        </div>
      </div>
      {!regime.verified ? (
        <Alert type="warning" showIcon title={t.eligibility.unverified} description={regime.noteVi} />
      ) : (
        regime.noteVi && <Alert type="info" showIcon title={regime.noteVi} />
      )}
      {regime.routes.map((route) => (
        <RouteBlock key={route.id} route={route} />
      ))}
    </Flex>
  );
}

/** One title or award: catalogue facts, bonus coefficients, and its conditions regime by regime. */
export default function AwardPage() {
  const t = useT();
  const { lang } = useLanguage();
  const c = t.eligibility.catalogue;
  const { code = '' } = useParams();
  const { data, error, loading, reload } = useAsync((signal) => api.catalogueAward(code, signal), [code]);

  const back = (
    <Link to="/awards">
      <Button type="link" icon={<ArrowLeftOutlined />} style={{ paddingInline: 0, marginBottom: 12 }}>
        {c.back}
      </Button>
    </Link>
  );

  if (error?.status === 404) {
    return <Result status="404" title={c.notFound} extra={back} />;
  }
  if (error && !data) return <ErrorAlert error={error} onRetry={reload} />;
  if (!data || (loading && data.code !== code)) {
    return (
      <>
        {back}
        <Card>
          <Skeleton active paragraph={{ rows: 8 }} />
        </Card>
      </>
    );
  }

  const e = data.entry;
  const bonusRows = BONUS_REGIMES.filter((r) => e.bonus[r]).map((r) => ({ regime: r, ...e.bonus[r] }));
  const hasCollective = bonusRows.some((r) => r.collective);
  const hasIndividual = bonusRows.some((r) => r.individual);

  return (
    <>
      {back}
      <PageHeader
        title={t.awardNames[data.code]}
        description={
          <span>
            <Typography.Text code>{data.code}</Typography.Text> {lang === 'en' ? data.nameVi : null}
          </span>
        }
      />
      <Flex vertical gap={16}>
        <Card title={c.facts}>
          <Descriptions
            size="small"
            column={{ xs: 1, md: 2 }}
            styles={{ label: { width: 170 } }}
            items={[
              { key: 'kind', label: c.kind, children: t.eligibility.kinds[e.kind] },
              { key: 'level', label: c.level, children: t.eligibility.levels[e.level] },
              {
                key: 'subjects',
                label: c.subjects,
                children: e.subjects.map((s) => t.eligibility.subjects[s]).join(', '),
              },
              {
                key: 'periodicity',
                label: c.periodicity,
                children: t.eligibility.periodicity[e.periodicity],
              },
              { key: 'state', label: c.stateLevel, children: e.stateLevel ? c.yes : c.no },
              { key: 'insignia', label: c.insignia, children: e.insigniaVi },
              {
                key: 'authority',
                label: c.authority,
                span: 'filled',
                children: (
                  <span>
                    {e.authorityVi}
                    {e.authorityUncertain && <UncertainTag />}
                  </span>
                ),
              },
              { key: 'basis', label: c.legalBasis, span: 'filled', children: e.legalBasis },
            ]}
          />
          {bonusRows.length > 0 && (
            <>
              <Typography.Title level={5} style={{ marginTop: 16 }}>
                {c.bonus}
              </Typography.Title>
              <Table
                size="small"
                rowKey="regime"
                pagination={false}
                dataSource={bonusRows}
                columns={[
                  {
                    key: 'regime',
                    title: c.bonusRegime,
                    width: 220,
                    render: (_, r) => t.eligibility.bonusRegimes[r.regime],
                  },
                  ...(hasIndividual
                    ? [
                        {
                          key: 'individual',
                          title: t.eligibility.subjects.individual,
                          render: (_: unknown, r: (typeof bonusRows)[number]) => (
                            <CoefficientCell value={r.individual} />
                          ),
                        },
                      ]
                    : []),
                  ...(hasCollective
                    ? [
                        {
                          key: 'collective',
                          title: t.eligibility.subjects.collective,
                          render: (_: unknown, r: (typeof bonusRows)[number]) => (
                            <CoefficientCell value={r.collective} />
                          ),
                        },
                      ]
                    : []),
                ]}
              />
            </>
          )}
        </Card>

        <Card title={c.regimes}>
          {data.regimes.length === 0 ? (
            <EmptyState title={c.noRegimes} hint={c.noRegimesHint} />
          ) : (
            <Tabs
              items={data.regimes.map((r) => ({
                key: r.ruleSetId,
                label: (
                  <span>
                    {!r.verified && <WarningOutlined style={{ color: ORANGE, marginInlineEnd: 6 }} />}
                    {validity(t, r.validFrom, r.validTo)}
                  </span>
                ),
                children: <RegimeTab regime={r} />,
              }))}
            />
          )}
        </Card>
      </Flex>
    </>
  );
}
