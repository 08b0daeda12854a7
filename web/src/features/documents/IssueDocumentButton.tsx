import { App, Button, Tooltip, type ButtonProps } from 'antd';
import { useState, type ReactNode } from 'react';
import { useNavigate } from 'react-router';
import { useMessages } from '../../app/language';
import { documentPdfUrl, type DocumentEntry } from '../../lib/api';
import { documentsMessages } from './messages';

/** Let the browser save a file the server sends as an attachment (its name comes from the server). */
export function downloadFile(url: string): void {
  const a = document.createElement('a');
  a.href = url;
  a.download = '';
  a.rel = 'noopener';
  document.body.appendChild(a);
  a.click();
  a.remove();
}

/**
 * A button that issues a numbered document (the server takes the number and stores the PDF), then
 * downloads it and says which number it got.
 */
export function IssueDocumentButton({
  issue,
  label,
  hint,
  icon,
  type,
  className,
}: {
  issue: () => Promise<DocumentEntry>;
  label: ReactNode;
  hint?: ReactNode;
  icon?: ReactNode;
  type?: ButtonProps['type'];
  className?: string;
}) {
  const m = useMessages(documentsMessages);
  const { message } = App.useApp();
  const [busy, setBusy] = useState(false);
  // The message is rendered outside the router: its link navigates through this component's router.
  const navigate = useNavigate();

  const onClick = async () => {
    setBusy(true);
    try {
      const entry = await issue();
      downloadFile(documentPdfUrl(entry.id));
      void message.success({
        content: (
          <span>
            {m.issued(entry.notation)}{' '}
            <a
              href="/documents"
              onClick={(e) => {
                e.preventDefault();
                navigate('/documents');
              }}
            >
              {m.openRegister}
            </a>
          </span>
        ),
        duration: 6,
      });
    } catch (error) {
      void message.error(error instanceof Error ? error.message : String(error));
    } finally {
      setBusy(false);
    }
  };

  return (
    <Tooltip title={hint}>
      <Button type={type} icon={icon} loading={busy} onClick={() => void onClick()} className={className}>
        {label}
      </Button>
    </Tooltip>
  );
}
