import dayjs from 'dayjs';
import 'dayjs/locale/vi';
import 'dayjs/locale/en';
import { createContext, useCallback, useContext, useEffect, useMemo, useState, type ReactNode } from 'react';
import { messages, type Lang, type Messages } from './i18n';

const STORAGE_KEY = 'vinhdanh.lang';

interface LanguageValue {
  lang: Lang;
  setLang: (lang: Lang) => void;
  t: Messages;
}

const LanguageContext = createContext<LanguageValue | null>(null);

function initialLang(): Lang {
  try {
    return window.localStorage.getItem(STORAGE_KEY) === 'en' ? 'en' : 'vi';
  } catch {
    return 'vi';
  }
}

export function LanguageProvider({ children }: { children: ReactNode }) {
  const [lang, setLangState] = useState<Lang>(initialLang);

  const setLang = useCallback((next: Lang) => {
    setLangState(next);
    try {
      window.localStorage.setItem(STORAGE_KEY, next);
    } catch {
      // Private mode: the choice lasts for this page only.
    }
  }, []);

  useEffect(() => {
    dayjs.locale(lang);
    document.documentElement.lang = lang;
  }, [lang]);

  const value = useMemo(() => ({ lang, setLang, t: messages[lang] }), [lang, setLang]);
  return <LanguageContext.Provider value={value}>{children}</LanguageContext.Provider>;
}

export function useLanguage(): LanguageValue {
  const value = useContext(LanguageContext);
  if (!value) throw new Error('useLanguage must be used inside LanguageProvider');
  return value;
}

/** The UI strings of the chosen language. */
export function useT(): Messages {
  return useLanguage().t;
}

/** A feature's own dictionary: `{ vi, en }` with the same shape (the type checker enforces it). */
export interface Dictionary<T> {
  vi: T;
  en: NoInfer<T>;
}

/** The strings of a feature's own dictionary in the chosen language. */
export function useMessages<T>(dictionary: Dictionary<T>): T {
  return dictionary[useLanguage().lang];
}
