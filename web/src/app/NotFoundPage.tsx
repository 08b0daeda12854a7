import { Button, Result } from 'antd';
import { Link } from 'react-router';
import { useT } from './language';

export function NotFoundPage() {
  const t = useT();
  return (
    <Result
      status="404"
      title={t.errors.notFoundTitle}
      subTitle={t.errors.notFoundText}
      extra={
        <Link to="/">
          <Button type="primary">{t.errors.home}</Button>
        </Link>
      }
    />
  );
}
