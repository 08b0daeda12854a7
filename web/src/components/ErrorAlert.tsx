import { Alert, Button } from 'antd';
import { useT } from '../app/language';
import type { ApiError } from '../lib/api';

/** A failed load: the server's own message and a retry button. */
export function ErrorAlert({ error, onRetry }: { error: ApiError; onRetry?: () => void }) {
  const t = useT();
  return (
    <Alert
      type="error"
      showIcon
      title={t.common.loadFailed}
      description={error.message}
      action={
        onRetry && (
          <Button size="small" onClick={onRetry}>
            {t.common.retry}
          </Button>
        )
      }
    />
  );
}
