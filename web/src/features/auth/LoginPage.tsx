import { CheckCircleFilled, LockOutlined, UserOutlined } from '@ant-design/icons';
import { Alert, Button, Form, Input, Typography } from 'antd';
import { useState } from 'react';
import { Navigate, useNavigate, useSearchParams } from 'react-router';
import { useAuth } from '../../app/auth';
import { useT } from '../../app/language';
import { BrandMark } from '../../components/BrandMark';
import { LanguageSwitch } from '../../components/LanguageSwitch';
import { ApiError } from '../../lib/api';

/** Only same-site paths are followed after signing in. */
function safeNext(raw: string | null): string {
  return raw && raw.startsWith('/') && !raw.startsWith('//') ? raw : '/';
}

export default function LoginPage() {
  const t = useT();
  const { status, login } = useAuth();
  const navigate = useNavigate();
  const [params] = useSearchParams();
  const [submitting, setSubmitting] = useState(false);
  const [error, setError] = useState<string | null>(null);
  const next = safeNext(params.get('next'));

  if (status === 'authenticated') return <Navigate to={next} replace />;

  const submit = async (values: { username: string; password: string }) => {
    setSubmitting(true);
    setError(null);
    try {
      await login(values.username.trim(), values.password);
      navigate(next, { replace: true });
    } catch (e) {
      setError(e instanceof ApiError ? e.message : t.common.unexpectedError);
    } finally {
      setSubmitting(false);
    }
  };

  return (
    <div className="vd-login">
      <section className="vd-login-hero">
        <div style={{ position: 'relative', zIndex: 1 }}>
          <div className="vd-login-owner">{t.app.owner}</div>
          <div className="vd-login-mark">
            <BrandMark size={84} />
          </div>
          <h1 className="vd-login-title">{t.app.name}</h1>
          <div className="vd-login-subtitle">{t.app.subtitle}</div>
          <p className="vd-login-tagline">{t.auth.tagline}</p>
          <ul className="vd-login-features">
            {t.auth.features.map((f) => (
              <li key={f}>
                <CheckCircleFilled />
                <span>{f}</span>
              </li>
            ))}
          </ul>
        </div>
        <div className="vd-login-copyright">© {t.app.footer}</div>
      </section>
      <section className="vd-login-panel">
        <div className="vd-login-lang">
          <LanguageSwitch />
        </div>
        {/* a plain panel, not antd's Card: Card brings Tabs and its menus into the first page */}
        <div className="vd-login-card">
          <Typography.Title level={3} style={{ marginTop: 0, marginBottom: 4 }}>
            {t.auth.title}
          </Typography.Title>
          <Typography.Paragraph type="secondary">{t.auth.hint}</Typography.Paragraph>
          {error && (
            <Alert
              type="error"
              showIcon
              title={error}
              style={{ marginBottom: 16 }}
              role="alert"
              data-testid="login-error"
            />
          )}
          <Form
            layout="vertical"
            requiredMark={false}
            size="large"
            onFinish={(values: { username: string; password: string }) => void submit(values)}
            onValuesChange={() => error && setError(null)}
          >
            <Form.Item
              name="username"
              label={t.auth.username}
              rules={[{ required: true, whitespace: true, message: t.auth.usernameRequired }]}
            >
              <Input prefix={<UserOutlined />} autoComplete="username" autoFocus maxLength={100} />
            </Form.Item>
            <Form.Item
              name="password"
              label={t.auth.password}
              rules={[{ required: true, message: t.auth.passwordRequired }]}
            >
              <Input.Password prefix={<LockOutlined />} autoComplete="current-password" maxLength={200} />
            </Form.Item>
            <Button type="primary" htmlType="submit" block loading={submitting}>
              {t.auth.submit}
            </Button>
          </Form>
        </div>
      </section>
    </div>
  );
}
