import { Button } from 'antd';
import { Component, type ErrorInfo, type ReactNode } from 'react';
import { useRouteError } from 'react-router';
import { useT } from './language';
import { StatusResult } from './StatusResult';

interface BoundaryProps {
  children: ReactNode;
  fallback: (reset: () => void) => ReactNode;
}

class Boundary extends Component<BoundaryProps, { failed: boolean }> {
  override state = { failed: false };

  static getDerivedStateFromError(): { failed: boolean } {
    return { failed: true };
  }

  override componentDidCatch(error: unknown, info: ErrorInfo): void {
    console.error('Vinh Danh: lỗi giao diện', error, info.componentStack);
  }

  override render(): ReactNode {
    return this.state.failed
      ? this.props.fallback(() => this.setState({ failed: false }))
      : this.props.children;
  }
}

function ErrorResult({ onReset }: { onReset?: () => void }) {
  const t = useT();
  return (
    <StatusResult
      status="error"
      title={t.errors.boundaryTitle}
      subTitle={t.errors.boundaryText}
      extra={[
        <Button key="reload" type="primary" onClick={() => window.location.reload()}>
          {t.errors.reload}
        </Button>,
        <Button
          key="home"
          onClick={() => {
            onReset?.();
            window.location.assign('/');
          }}
        >
          {t.errors.home}
        </Button>,
      ]}
    />
  );
}

/** Catches rendering errors below it and shows a calm, translated message instead of a blank page. */
export function ErrorBoundary({ children }: { children: ReactNode }) {
  return <Boundary fallback={(reset) => <ErrorResult onReset={reset} />}>{children}</Boundary>;
}

/** The router's error element (a failed lazy chunk, an error thrown while rendering a route). */
export function RouteError() {
  const error = useRouteError();
  console.error('Vinh Danh: lỗi điều hướng', error);
  return <ErrorResult />;
}
