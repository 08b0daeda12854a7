import { FileExcelOutlined } from '@ant-design/icons';
import { Button } from 'antd';
import { useState } from 'react';
import { useAuth } from '../../app/auth';
import { useMessages } from '../../app/language';
import { ratingsImportMessages } from './messages';
import { RatingsImportDialog } from './RatingsImportDialog';

/** "Nhập xếp loại từ Excel" for a unit, shown to those who write yearly records (officer, board, admin). */
export function ImportRatingsButton({
  unit,
  onImported,
  block,
}: {
  unit: { id: string; name: string };
  onImported?: () => void;
  block?: boolean;
}) {
  const m = useMessages(ratingsImportMessages);
  const { hasRole } = useAuth();
  const [open, setOpen] = useState(false);
  if (!hasRole('admin', 'board', 'officer')) return null;
  return (
    <>
      <Button
        icon={<FileExcelOutlined />}
        onClick={() => setOpen(true)}
        block={block}
        className="vd-import-open"
      >
        {m.button}
      </Button>
      {open && (
        <RatingsImportDialog unit={unit} open onClose={() => setOpen(false)} onImported={onImported} />
      )}
    </>
  );
}
