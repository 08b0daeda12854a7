import { ConfigProvider, theme as antdTheme } from 'antd';
import enUS from 'antd/locale/en_US';
import viVN from 'antd/locale/vi_VN';
import type { ReactNode } from 'react';
import { AuthProvider } from './auth';
import { LanguageProvider, useLanguage } from './language';
import { theme } from './theme';

/**
 * The text style antd's App gives its children. App itself (the message, notification and modal hooks) is
 * mounted by the signed-in layout: the login page uses none of them and loads less without them.
 */
function BaseText({ children }: { children: ReactNode }) {
  const { token } = antdTheme.useToken();
  const { colorText: color, fontSize, lineHeight, fontFamily } = token;
  return <div style={{ color, fontSize, lineHeight, fontFamily }}>{children}</div>;
}

function LocalisedAntd({ children }: { children: ReactNode }) {
  const { lang } = useLanguage();
  return (
    <ConfigProvider locale={lang === 'vi' ? viVN : enUS} theme={theme}>
      <BaseText>{children}</BaseText>
    </ConfigProvider>
  );
}

export function Providers({ children }: { children: ReactNode }) {
  return (
    <LanguageProvider>
      <LocalisedAntd>
        <AuthProvider>{children}</AuthProvider>
      </LocalisedAntd>
    </LanguageProvider>
  );
}
