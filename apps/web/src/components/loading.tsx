import { useTranslation } from 'react-i18next';

/** A polite loading message (no spinner-only state: screen readers hear it). */
export function Loading() {
  const { t } = useTranslation();
  return (
    <p className="text-secondary" role="status" aria-live="polite">
      {t('common.loading')}
    </p>
  );
}
