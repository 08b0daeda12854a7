import { CloseCircleFilled, ExclamationCircleFilled } from '@ant-design/icons';
import { Flex, theme, Typography } from 'antd';
import type { ReactNode } from 'react';

interface StatusResultProps {
  status: 'error' | 'warning';
  title: ReactNode;
  subTitle?: ReactNode;
  extra?: ReactNode;
}

/**
 * A full-width message with an icon, as antd's Result shows it, for the screens the first page may need
 * (a rendering error, the server out of reach). Result itself carries three SVG illustrations (~30 kB) that
 * the first page would load for nothing; the signed-in screens still use it.
 */
export function StatusResult({ status, title, subTitle, extra }: StatusResultProps) {
  const { token } = theme.useToken();
  const Icon = status === 'error' ? CloseCircleFilled : ExclamationCircleFilled;
  return (
    <Flex
      vertical
      align="center"
      gap={8}
      style={{ padding: '48px 32px', textAlign: 'center' }}
      role={status === 'error' ? 'alert' : 'status'}
    >
      <Icon
        aria-hidden
        style={{
          fontSize: 72,
          marginBottom: 16,
          color: status === 'error' ? token.colorError : token.colorWarning,
        }}
      />
      <Typography.Title level={3} style={{ margin: 0 }}>
        {title}
      </Typography.Title>
      {subTitle && <Typography.Text type="secondary">{subTitle}</Typography.Text>}
      {extra && (
        <Flex gap={8} wrap justify="center" style={{ marginTop: 24 }}>
          {extra}
        </Flex>
      )}
    </Flex>
  );
}
