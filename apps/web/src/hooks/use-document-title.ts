import { useEffect } from 'react';
import { useTranslation } from 'react-i18next';

/** Names the browser tab after the screen (WCAG 2.4.2): "Cruscotto 2024 — Albero". */
export function useDocumentTitle(title: string | undefined): void {
  const { t } = useTranslation();
  useEffect(() => {
    if (title) document.title = t('app.documentTitle', { title });
  }, [title, t]);
}
