import { CheckOutlined, CopyOutlined, KeyOutlined } from '@ant-design/icons';
import { Alert, App, Button, Flex, Modal, Typography } from 'antd';
import { useState } from 'react';
import { useMessages } from '../../app/language';
import { usersMessages } from './messages';

/** Copy text to the clipboard; where the browser refuses (no HTTPS, old browser), a hidden text area. */
async function copyText(text: string): Promise<boolean> {
  try {
    await navigator.clipboard.writeText(text);
    return true;
  } catch {
    const area = document.createElement('textarea');
    area.value = text;
    area.setAttribute('readonly', '');
    area.style.position = 'fixed';
    area.style.opacity = '0';
    document.body.appendChild(area);
    area.select();
    try {
      return document.execCommand('copy');
    } finally {
      document.body.removeChild(area);
    }
  }
}

/**
 * A generated password, shown this once: the server never answers it again. The administrator copies it
 * and hands it over; the user must change it at the first login.
 */
export function PasswordOnceModal({
  username,
  password,
  note,
  onClose,
}: {
  username: string;
  password: string;
  note?: string;
  onClose: () => void;
}) {
  const m = useMessages(usersMessages);
  const { message } = App.useApp();
  const [copied, setCopied] = useState(false);

  return (
    <Modal
      open
      title={
        <Flex gap={8} align="center">
          <KeyOutlined />
          {m.shownOnceTitle}
        </Flex>
      }
      closable={false}
      maskClosable={false}
      keyboard={false}
      onCancel={onClose}
      footer={
        <Button type="primary" onClick={onClose}>
          {m.done}
        </Button>
      }
    >
      <Alert type="warning" showIcon title={m.shownOnceHint(username)} style={{ marginBottom: 16 }} />
      {note && (
        <Typography.Paragraph type="secondary" style={{ marginBottom: 12 }}>
          {note}
        </Typography.Paragraph>
      )}
      <Flex gap={8} align="center" wrap className="vd-password-once">
        <Typography.Text
          code
          strong
          style={{ fontSize: 22, letterSpacing: 1, userSelect: 'all' }}
          aria-label={m.shownOnceTitle}
          data-testid="temporary-password"
        >
          {password}
        </Typography.Text>
        <Button
          icon={copied ? <CheckOutlined /> : <CopyOutlined />}
          onClick={async () => {
            if (await copyText(password)) {
              setCopied(true);
              void message.success(m.copied);
            } else void message.error(m.copyFailed);
          }}
        >
          {copied ? m.copied : m.copy}
        </Button>
      </Flex>
    </Modal>
  );
}
