import { ArrowRightOutlined, BranchesOutlined, TeamOutlined } from '@ant-design/icons';
import {
  Alert,
  Breadcrumb,
  Button,
  Card,
  Descriptions,
  Flex,
  List,
  Skeleton,
  Statistic,
  Tag,
  Tooltip,
  Typography,
} from 'antd';
import { Link } from 'react-router';
import { useAuth } from '../../app/auth';
import { useT } from '../../app/language';
import { ErrorAlert } from '../../components/ErrorAlert';
import { api, type OrgUnit } from '../../lib/api';
import { formatDate } from '../../lib/dates';
import { isHistorical } from '../../lib/org-tree';
import { useAsync } from '../../lib/use-async';
import { UnitEligibilitySection } from '../eligibility/UnitEligibilitySection';
import { AuditHistoryLink } from '../audit/AuditHistoryLink';
import { OrgUnitActions } from './OrgUnitActions';
import { ImportRatingsButton } from '../ratings-import/ImportRatingsButton';

/** Everything about one unit: identity, validity, lineage of mergers, and how many people it has. */
export function OrgUnitDetailPanel({
  unitId,
  onSelect,
  inScope,
  units,
  onChanged,
}: {
  unitId: string;
  onSelect: (id: string) => void;
  /** Whether a unit can be opened (is in the user's list); others are shown as plain names. */
  inScope: (id: string) => boolean;
  /** the units of the user's scope (for the pickers of the actions) */
  units: readonly OrgUnit[];
  /** a unit was created, changed, closed or merged: load the tree again and show `select` when given */
  onChanged: (select?: string) => void;
}) {
  const t = useT();
  const { me, hasRole } = useAuth();
  const { data: unit, error, loading, reload } = useAsync((signal) => api.orgUnit(unitId, signal), [unitId]);

  if (error) return <ErrorAlert error={error} onRetry={reload} />;
  if (!unit || (loading && unit.id !== unitId)) {
    return (
      <Card>
        <Skeleton active paragraph={{ rows: 10 }} />
      </Card>
    );
  }

  const historical = isHistorical(unit);
  const unitLink = (id: string, name: string) =>
    inScope(id) ? (
      <Typography.Link onClick={() => onSelect(id)}>{name}</Typography.Link>
    ) : (
      <span>{name}</span>
    );
  // the units merged into this one are readable (read-only) by whoever holds it
  const lineageLink = (id: string, name: string) => (
    <Typography.Link className="vd-lineage-link" onClick={() => onSelect(id)}>
      {name}
    </Typography.Link>
  );

  return (
    <Flex vertical gap={16}>
      <Card
        extra={<AuditHistoryLink unitId={unit.id} />}
        title={
          <Flex vertical gap={2} style={{ padding: '12px 0', minWidth: 0 }}>
            {unit.ancestors.length > 0 && (
              <Breadcrumb
                style={{ fontSize: 12, fontWeight: 400 }}
                items={unit.ancestors.map((a) => ({ key: a.id, title: unitLink(a.id, a.name) }))}
              />
            )}
            <Typography.Title level={4} style={{ margin: 0, whiteSpace: 'normal' }}>
              {unit.name}
            </Typography.Title>
            <Flex gap={6} wrap>
              <Tag color={historical ? 'default' : 'red'}>{t.kinds[unit.kind]}</Tag>
              {historical && <Tag>{t.orgUnits.merged}</Tag>}
              {unit.readOnly && (
                <Tooltip title={t.orgUnits.readOnlyHint}>
                  <Tag color="gold" className="vd-readonly-unit">
                    {t.orgUnits.readOnly}
                  </Tag>
                </Tooltip>
              )}
            </Flex>
            {hasRole('admin', 'board') && !unit.readOnly && !historical && (
              <div style={{ marginTop: 8 }}>
                <OrgUnitActions
                  unit={unit}
                  units={units}
                  isOwnRoot={unit.id === me?.orgUnitId}
                  onChanged={(select) => {
                    reload();
                    onChanged(select);
                  }}
                />
              </div>
            )}
          </Flex>
        }
      >
        {historical && unit.validTo && (
          <Alert
            type="warning"
            showIcon
            style={{ marginBottom: 16 }}
            title={t.orgUnits.historicalNotice(formatDate(unit.validTo))}
            description={
              unit.mergedInto && (
                <span>
                  {t.orgUnits.mergedInto}: {unitLink(unit.mergedInto.id, unit.mergedInto.name)}
                </span>
              )
            }
          />
        )}
        <Flex gap={24} wrap align="flex-start">
          <Descriptions
            style={{ flex: '1 1 360px', minWidth: 0 }}
            column={1}
            size="small"
            styles={{ label: { width: 160 } }}
            items={[
              {
                key: 'code',
                label: t.orgUnits.code,
                children: <Typography.Text code>{unit.code}</Typography.Text>,
              },
              { key: 'short', label: t.orgUnits.shortName, children: unit.shortName ?? t.common.none },
              { key: 'kind', label: t.orgUnits.kind, children: t.kinds[unit.kind] },
              {
                key: 'parent',
                label: t.orgUnits.parent,
                children: (() => {
                  const parent = unit.ancestors[unit.ancestors.length - 1];
                  return parent ? unitLink(parent.id, parent.name) : t.common.none;
                })(),
              },
              { key: 'from', label: t.orgUnits.validFrom, children: formatDate(unit.validFrom) },
              {
                key: 'to',
                label: t.orgUnits.validTo,
                children: unit.validTo ? (
                  formatDate(unit.validTo)
                ) : (
                  <Tag color="green">{t.orgUnits.validToOpen}</Tag>
                ),
              },
              ...(unit.headPersonId
                ? [
                    {
                      key: 'head',
                      label: t.orgUnits.headPerson,
                      children: <HeadPersonLink personId={unit.headPersonId} />,
                    },
                  ]
                : []),
            ]}
          />
          <Card size="small" style={{ flex: '0 0 220px', background: '#fafafa' }}>
            <Statistic
              title={t.orgUnits.peopleCount}
              value={unit.peopleCount}
              prefix={<TeamOutlined />}
              formatter={(v) => Number(v).toLocaleString('vi-VN')}
            />
            {!unit.readOnly && <ImportRatingsButton unit={unit} onImported={reload} block />}
            {!unit.readOnly && (
              <Link to={`/people?unit=${encodeURIComponent(unit.id)}`}>
                <Button
                  type="link"
                  style={{ paddingInline: 0 }}
                  icon={<ArrowRightOutlined />}
                  iconPlacement="end"
                >
                  {t.orgUnits.viewPeople}
                </Button>
              </Link>
            )}
          </Card>
        </Flex>
      </Card>

      <Card
        title={
          <span>
            <BranchesOutlined /> {t.orgUnits.lineage}
          </span>
        }
      >
        {unit.mergedFrom.length === 0 && !unit.mergedInto ? (
          <Typography.Text type="secondary">{t.orgUnits.noLineage}</Typography.Text>
        ) : (
          <Flex vertical gap={16}>
            {unit.mergedFrom.length > 0 && (
              <div>
                <Typography.Text strong>{t.orgUnits.mergedFrom}</Typography.Text>
                <List
                  size="small"
                  dataSource={unit.mergedFrom}
                  renderItem={(old) => (
                    <List.Item>
                      <Flex justify="space-between" style={{ width: '100%' }} gap={8} wrap>
                        <span>
                          {lineageLink(old.id, old.name)} <Tag>{t.kinds[old.kind]}</Tag>
                        </span>
                        {old.validTo && (
                          <Typography.Text type="secondary">
                            {t.orgUnits.validTo}: {formatDate(old.validTo)}
                          </Typography.Text>
                        )}
                      </Flex>
                    </List.Item>
                  )}
                />
              </div>
            )}
            {unit.mergedInto && (
              <div>
                <Typography.Text strong>{t.orgUnits.mergedInto}: </Typography.Text>
                {unitLink(unit.mergedInto.id, unit.mergedInto.name)}
              </div>
            )}
          </Flex>
        )}
      </Card>

      {/* a predecessor is read-only history: its collective results belong to the successor now */}
      {!unit.readOnly && <UnitEligibilitySection unitId={unit.id} />}
    </Flex>
  );
}

/** The head of a unit by name (the unit detail carries only the id). */
function HeadPersonLink({ personId }: { personId: string }) {
  const t = useT();
  const { data } = useAsync((signal) => api.person(personId, signal), [personId]);
  return <Link to={`/people/${personId}`}>{data?.fullName ?? t.common.view}</Link>;
}
