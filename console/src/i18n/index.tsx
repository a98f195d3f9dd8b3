// The UI language: Bahasa Indonesia by default, English on request; every text comes from the catalogs.
import { createContext, useContext, useEffect, useState, type ReactNode } from 'react';
import type { Lang } from '../time';
import { en } from './en';
import { id, type Messages } from './id';

const catalogs: Record<Lang, Messages> = { id, en };
const KEY = 'tenggat.lang';

function initialLang(): Lang {
  return localStorage.getItem(KEY) === 'en' ? 'en' : 'id';
}

/** Read by the API client outside React, so each request asks for errors in the UI language. */
let activeLang: Lang = initialLang();
export const currentLang = (): Lang => activeLang;

interface I18n {
  lang: Lang;
  t: Messages;
  setLang: (lang: Lang) => void;
}

const I18nContext = createContext<I18n>({ lang: 'id', t: id, setLang: () => undefined });

export function I18nProvider({ children }: { children: ReactNode }) {
  const [lang, setLangState] = useState<Lang>(activeLang);
  useEffect(() => {
    activeLang = lang;
    document.documentElement.lang = lang;
    localStorage.setItem(KEY, lang);
  }, [lang]);
  const setLang = (next: Lang) => {
    activeLang = next;
    setLangState(next);
  };
  return <I18nContext.Provider value={{ lang, t: catalogs[lang], setLang }}>{children}</I18nContext.Provider>;
}

export const useI18n = (): I18n => useContext(I18nContext);
