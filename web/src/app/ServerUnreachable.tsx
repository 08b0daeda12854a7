import { Button } from 'antd';
import { useAuth } from './auth';
import { useT } from './language';
import { StatusResult } from './StatusResult';

/** Shown when the session check could not reach the server at all. */
export function ServerUnreachable() {
  const t = useT();
  const { retry } = useAuth();
  return (
    <StatusResult
      status="warning"
      title={t.common.loadFailed}
      subTitle={t.common.networkError}
      extra={
        <Button type="primary" onClick={retry}>
          {t.common.retry}
        </Button>
      }
    />
  );
}
