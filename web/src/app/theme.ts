import type { ThemeConfig } from 'antd';

/** Colours of the product: a deep state red with gold accents, on calm grey surfaces. */
export const brand = {
  red: '#a4161a',
  redDark: '#7a0f12',
  gold: '#f5c542',
  surface: '#f3f4f6',
  ink: '#1f2937',
  muted: '#6b7280',
};

export const theme: ThemeConfig = {
  token: {
    colorPrimary: brand.red,
    colorLink: '#8f1d21',
    colorInfo: '#1d4ed8',
    borderRadius: 8,
    fontFamily: "'Segoe UI', Roboto, 'Noto Sans', 'Helvetica Neue', Arial, 'Liberation Sans', sans-serif",
    colorBgLayout: brand.surface,
  },
  components: {
    Layout: { headerBg: brand.red, headerPadding: '0 20px', siderBg: '#ffffff', bodyBg: brand.surface },
    Menu: { itemSelectedBg: '#fdecec', itemSelectedColor: brand.red },
    Table: { headerBg: '#f8f5f0' },
    Tree: { nodeSelectedBg: '#fde2e2', nodeHoverBg: '#f9fafb' },
  },
};
