import { App as AntApp, ConfigProvider } from 'antd';
import enUS from 'antd/locale/en_US';
import viVN from 'antd/locale/vi_VN';
import type { ReactNode } from 'react';
import { AuthProvider } from './auth';
import { LanguageProvider, useLanguage } from './language';
import { theme } from './theme';

function LocalisedAntd({ children }: { children: ReactNode }) {
  const { lang } = useLanguage();
  return (
    <ConfigProvider locale={lang === 'vi' ? viVN : enUS} theme={theme}>
      <AntApp>{children}</AntApp>
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
