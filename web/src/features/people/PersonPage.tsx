import {
  ArrowLeftOutlined,
  EditOutlined,
  FilePdfOutlined,
  SwapOutlined,
  UserOutlined,
} from '@ant-design/icons';
import {
  Avatar,
  Button,
  Card,
  Col,
  Descriptions,
  Flex,
  Result,
  Row,
  Skeleton,
  Tabs,
  Tag,
  Typography,
} from 'antd';
import { useState, type ReactNode } from 'react';
import { Link, useLocation, useNavigate, useParams } from 'react-router';
import { useAuth } from '../../app/auth';
import { useMessages, useT } from '../../app/language';
import { ErrorAlert } from '../../components/ErrorAlert';
import { RatingTag } from '../../components/RatingTag';
import { api, type PersonDetail } from '../../lib/api';
import { formatDate } from '../../lib/dates';
import { useAsync } from '../../lib/use-async';
import { AuditHistoryLink } from '../audit/AuditHistoryLink';
import { IssueDocumentButton } from '../documents/IssueDocumentButton';
import { documentsMessages } from '../documents/messages';
import { EligibilityPanel } from '../eligibility/EligibilityPanel';
import { ratingsImportMessages } from '../ratings-import/messages';
import { useOrgUnits } from '../org-units/use-org-units';
import { CareerSection } from './CareerSection';
import { PersonEditModal } from './PersonEditModal';
import { PersonMoveModal } from './PersonMoveModal';
import { AwardsSection, DisciplineSection, InitiativesSection, RatingsSection } from './PersonSections';

function initial(fullName: string): string {
  const parts = fullName.trim().split(/\s+/);
  return (parts[parts.length - 1] ?? '').slice(0, 1).toUpperCase();
}

function PersonHeader({ person, actions }: { person: PersonDetail; actions?: ReactNode }) {
  const t = useT();
  const codeLabel = useMessages(ratingsImportMessages).personCode;
  return (
    <Card>
      <Flex gap={20} align="flex-start" wrap>
        <Avatar
          size={72}
          style={{
            background: person.gender === 'female' ? '#be185d' : '#1e40af',
            flexShrink: 0,
            fontSize: 30,
          }}
          icon={initial(person.fullName) ? undefined : <UserOutlined />}
        >
          {initial(person.fullName)}
        </Avatar>
        <Flex vertical gap={8} style={{ flex: '1 1 420px', minWidth: 0 }}>
          <Flex justify="space-between" align="flex-start" gap={12} wrap>
            <Typography.Title level={2} className="vd-person-name" style={{ margin: 0 }}>
              {person.fullName}
            </Typography.Title>
            {actions}
          </Flex>
          <Flex gap={6} wrap>
            {person.code && (
              <Tag className="vd-person-code" title={codeLabel}>
                {codeLabel}: {person.code}
              </Tag>
            )}
            <Tag color="red">{t.categories[person.category]}</Tag>
            {person.directWorker && <Tag color="gold">{t.person.directWorker}</Tag>}
            {person.currentPosition && <Tag>{person.currentPosition}</Tag>}
          </Flex>
          <Descriptions
            size="small"
            column={{ xs: 1, sm: 2, lg: 3 }}
            style={{ marginTop: 8 }}
            items={[
              { key: 'gender', label: t.person.gender, children: t.genders[person.gender] },
              { key: 'birth', label: t.person.birthDate, children: formatDate(person.birthDate) },
              { key: 'ethnicity', label: t.person.ethnicity, children: person.ethnicity || t.common.none },
              {
                key: 'unit',
                label: t.person.unit,
                children: (
                  <Link to={`/org-units?unit=${encodeURIComponent(person.orgUnitId)}`}>
                    {person.orgUnitName}
                  </Link>
                ),
              },
              { key: 'started', label: t.person.startedOn, children: formatDate(person.startedOn) },
              {
                key: 'latest',
                label: t.people.col.latestRating,
                children: person.latestRating ? (
                  <RatingTag level={person.latestRating.level} year={person.latestRating.year} />
                ) : (
                  t.common.none
                ),
              },
            ]}
          />
        </Flex>
      </Flex>
    </Card>
  );
}

function count(n: number) {
  return (
    <Typography.Text type="secondary" style={{ marginInlineStart: 2 }}>
      {` (${n})`}
    </Typography.Text>
  );
}

export default function PersonPage() {
  const t = useT();
  const { personId = '' } = useParams();
  const { hasRole } = useAuth();
  const navigate = useNavigate();
  const location = useLocation();
  const {
    data: person,
    error,
    loading,
    reload,
  } = useAsync((signal) => api.person(personId, signal), [personId]);
  const canEdit = hasRole('admin', 'officer');
  const canIssue = hasRole('admin', 'board', 'officer');
  const docs = useMessages(documentsMessages);
  const units = useOrgUnits();
  const [dialog, setDialog] = useState<'edit' | 'move' | null>(null);

  // Back keeps the list's search and page when the user came from it.
  const back = () => (location.key !== 'default' ? navigate(-1) : navigate('/people'));
  const backButton = (
    <Button
      type="link"
      icon={<ArrowLeftOutlined />}
      onClick={back}
      style={{ paddingInline: 0, marginBottom: 12 }}
    >
      {t.person.backToList}
    </Button>
  );

  if (error?.status === 404) {
    return (
      <Result
        status="404"
        title={t.person.notFound}
        subTitle={t.person.notFoundText}
        extra={
          <Link to="/people">
            <Button type="primary">{t.person.backToList}</Button>
          </Link>
        }
      />
    );
  }
  if (error && !person) return <ErrorAlert error={error} onRetry={reload} />;
  if (!person || (loading && person.id !== personId)) {
    return (
      <>
        {backButton}
        <Card>
          <Skeleton avatar active paragraph={{ rows: 4 }} />
        </Card>
      </>
    );
  }

  const props = { person, canEdit, onChanged: reload };
  return (
    <>
      {backButton}
      <Flex vertical gap={16}>
        {error && <ErrorAlert error={error} onRetry={reload} />}
        <PersonHeader
          person={person}
          actions={
            <Flex gap={8} align="center" wrap>
              <AuditHistoryLink personId={person.id} />
              {canEdit && (
                <>
                  <Button icon={<EditOutlined />} onClick={() => setDialog('edit')}>
                    {t.person.edit.button}
                  </Button>
                  <Button icon={<SwapOutlined />} onClick={() => setDialog('move')}>
                    {t.person.move.button}
                  </Button>
                </>
              )}
              {canIssue && (
                <IssueDocumentButton
                  issue={() => api.issueRecordPdf(person.id)}
                  label={docs.recordButton}
                  hint={docs.recordHint}
                  icon={<FilePdfOutlined />}
                  className="vd-record-pdf"
                />
              )}
            </Flex>
          }
        />
        {dialog === 'edit' && (
          <PersonEditModal
            key={person.version}
            person={person}
            onClose={() => setDialog(null)}
            onSaved={() => {
              setDialog(null);
              reload();
            }}
            onReload={reload}
          />
        )}
        {dialog === 'move' && (
          <PersonMoveModal
            person={person}
            units={units.data ?? []}
            onClose={() => setDialog(null)}
            onMoved={() => {
              setDialog(null);
              reload();
            }}
          />
        )}
        <Row gutter={[16, 16]} align="top">
          <Col xs={24} xxl={17}>
            <Card styles={{ body: { paddingTop: 8 } }}>
              <Tabs
                defaultActiveKey="ratings"
                items={[
                  {
                    key: 'ratings',
                    label: (
                      <span>
                        {t.person.sections.ratings}
                        {count(person.ratings.length)}
                      </span>
                    ),
                    children: <RatingsSection {...props} />,
                  },
                  {
                    key: 'initiatives',
                    label: (
                      <span>
                        {t.person.sections.initiatives}
                        {count(person.initiatives.length)}
                      </span>
                    ),
                    children: <InitiativesSection {...props} />,
                  },
                  {
                    key: 'discipline',
                    label: (
                      <span>
                        {t.person.sections.discipline}
                        {count(person.discipline.length)}
                      </span>
                    ),
                    children: <DisciplineSection {...props} />,
                  },
                  {
                    key: 'awards',
                    label: (
                      <span>
                        {t.person.sections.awards}
                        {count(person.awards.length)}
                      </span>
                    ),
                    children: <AwardsSection {...props} />,
                  },
                  {
                    key: 'career',
                    label: (
                      <span>
                        {t.person.sections.career}
                        {count(person.positions.length)}
                      </span>
                    ),
                    children: <CareerSection {...props} units={units.data ?? []} />,
                  },
                ]}
              />
            </Card>
          </Col>
          <Col xs={24} xxl={7}>
            <EligibilityPanel personId={person.id} />
          </Col>
        </Row>
      </Flex>
    </>
  );
}
