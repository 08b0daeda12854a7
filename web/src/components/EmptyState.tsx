import { Empty, Typography } from 'antd';
import type { ReactNode } from 'react';

/** A deliberate empty state: what is missing, and (optionally) what to do about it. */
export function EmptyState({
  title,
  hint,
  action,
  compact,
}: {
  title: ReactNode;
  hint?: ReactNode;
  action?: ReactNode;
  compact?: boolean;
}) {
  return (
    <Empty
      image={compact ? Empty.PRESENTED_IMAGE_SIMPLE : Empty.PRESENTED_IMAGE_DEFAULT}
      style={{ margin: compact ? '16px 0' : '40px 0' }}
      description={
        <div>
          <Typography.Text strong style={{ display: 'block', color: '#374151' }}>
            {title}
          </Typography.Text>
          {hint && (
            <Typography.Text type="secondary" style={{ display: 'block', marginTop: 4 }}>
              {hint}
            </Typography.Text>
          )}
        </div>
      }
    >
      {action}
    </Empty>
  );
}
