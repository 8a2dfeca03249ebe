import type { CombinedError } from '@urql/core';
import { useTranslation } from 'react-i18next';
import { Link } from 'react-router';
import { ErrorAlert } from './error-alert.js';

/** A screen that could not load: a heading, the reason in plain words, a way back. */
export function PageError({ error }: { error: CombinedError }) {
  const { t } = useTranslation();
  return (
    <>
      <h1>{t('errors.title')}</h1>
      <ErrorAlert error={error} />
      <Link to="/">{t('app.goHome')}</Link>
    </>
  );
}
