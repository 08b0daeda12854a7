import { SafetyCertificateOutlined } from '@ant-design/icons';
import { Card, Typography } from 'antd';
import { useT } from '../../app/language';

/**
 * Reserved place for "Điều kiện khen thưởng". A later issue fills it from
 * GET /api/v1/people/:id/eligibility; until then it only says what will appear here.
 */
export function EligibilityPanel(props: { personId: string }) {
  const t = useT();
  return (
    <Card
      className="vd-eligibility"
      data-person-id={props.personId}
      title={
        <span>
          <SafetyCertificateOutlined style={{ color: '#a4161a' }} /> {t.person.eligibility.title}
        </span>
      }
    >
      <Typography.Paragraph type="secondary" style={{ margin: 0 }}>
        {t.person.eligibility.pending}
      </Typography.Paragraph>
    </Card>
  );
}
