import { ApartmentOutlined, ArrowRightOutlined, ClockCircleOutlined, TeamOutlined } from '@ant-design/icons';
import { Button, Card, Col, Flex, List, Row, Statistic, Tag, Typography } from 'antd';
import { Link } from 'react-router';
import { useAuth } from '../../app/auth';
import { useT } from '../../app/language';
import { api } from '../../lib/api';
import { isHistorical } from '../../lib/org-tree';
import { useAsync } from '../../lib/use-async';
import { useOrgUnits } from '../org-units/use-org-units';

export default function OverviewPage() {
  const t = useT();
  const { me } = useAuth();
  const units = useOrgUnits();
  // the exact number in scope comes with the scope's unit (the people list counts only up to a cap)
  const scopeUnitId = me?.orgUnitId;
  const scope = useAsync(
    (signal) => (scopeUnitId ? api.orgUnit(scopeUnitId, signal) : Promise.resolve(undefined)),
    [scopeUnitId],
  );
  if (!me) return null;
  const active = units.data?.filter((u) => !isHistorical(u)).length;

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
      <Row gutter={[16, 16]}>
        <Col xs={24} md={12}>
          <Card>
            <Statistic
              title={t.overview.unitsInScope}
              value={units.data?.length ?? '—'}
              loading={units.loading && !units.data}
              prefix={<ApartmentOutlined />}
            />
            {active !== undefined && (
              <Typography.Text type="secondary">{t.overview.activeUnits(active)}</Typography.Text>
            )}
            <div style={{ marginTop: 12 }}>
              <Link to="/org-units">
                <Button icon={<ArrowRightOutlined />} iconPlacement="end">
                  {t.overview.openOrgUnits}
                </Button>
              </Link>
            </div>
          </Card>
        </Col>
        <Col xs={24} md={12}>
          <Card>
            <Statistic
              title={t.overview.peopleInScope}
              value={scope.data?.peopleCount ?? '—'}
              loading={scope.loading && !scope.data}
              prefix={<TeamOutlined />}
              formatter={(v) => (typeof v === 'number' ? v.toLocaleString('vi-VN') : v)}
            />
            <Typography.Text type="secondary">&nbsp;</Typography.Text>
            <div style={{ marginTop: 12 }}>
              <Link to="/people">
                <Button type="primary" icon={<ArrowRightOutlined />} iconPlacement="end">
                  {t.overview.openPeople}
                </Button>
              </Link>
            </div>
          </Card>
        </Col>
      </Row>
      <Card
        title={
          <span>
            <ClockCircleOutlined /> {t.overview.comingTitle}
          </span>
        }
      >
        <List
          size="small"
          dataSource={t.overview.coming}
          renderItem={(item) => <List.Item>{item}</List.Item>}
        />
      </Card>
    </Flex>
  );
}
