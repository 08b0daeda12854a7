import { Segmented } from 'antd';
import type { Lang } from '../app/i18n';
import { useLanguage } from '../app/language';

/** VI | EN: swaps the UI strings and antd's locale; the choice is remembered in localStorage. */
export function LanguageSwitch({ tone = 'light' }: { tone?: 'light' | 'dark' }) {
  const { lang, setLang, t } = useLanguage();
  return (
    <Segmented<Lang>
      size="small"
      className={tone === 'dark' ? 'vd-lang vd-lang-dark' : 'vd-lang'}
      aria-label={t.app.language}
      value={lang}
      onChange={setLang}
      options={[
        { label: 'VI', value: 'vi', title: 'Tiếng Việt' },
        { label: 'EN', value: 'en', title: 'English' },
      ]}
    />
  );
}
