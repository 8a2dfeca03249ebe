import type { CombinedError } from '@urql/core';
import { Alert } from 'design-react-kit';
import { useTranslation } from 'react-i18next';
import { errorMessageKey } from '../errors/map-error.js';

/** An API or network failure in plain words (never the raw code), announced to screen readers. */
export function ErrorAlert({ error }: { error: CombinedError | undefined }) {
  const { t } = useTranslation();
  if (!error) return null;
  return (
    <Alert color="danger" role="alert" fade={false}>
      {t(errorMessageKey(error))}
    </Alert>
  );
}
