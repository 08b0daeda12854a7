import { HistoryOutlined } from '@ant-design/icons';
import { Link } from 'react-router';
import { useMessages } from '../../app/language';
import { auditMessages } from './messages';

/** "Lịch sử thay đổi": the activity log filtered to a person (their record too) or a unit's subtree. */
export function AuditHistoryLink({ personId, unitId }: { personId?: string; unitId?: string }) {
  const m = useMessages(auditMessages);
  const query = personId ? `person=${personId}` : `unit=${unitId ?? ''}`;
  return (
    <Link to={`/audit?${query}`} className="vd-history-link" style={{ fontSize: 13, whiteSpace: 'nowrap' }}>
      <HistoryOutlined /> {m.historyLink}
    </Link>
  );
}
