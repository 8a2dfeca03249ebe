import { useId } from 'react';
import { useTranslation } from 'react-i18next';
import { LANGUAGES } from '../i18n/i18n.js';

/** Italian or English, remembered in the browser. */
export function LanguageSwitch() {
  const { t, i18n } = useTranslation();
  const id = useId();
  return (
    <div className="albero-language">
      <label htmlFor={id} className="visually-hidden">
        {t('app.language')}
      </label>
      <select id={id} className="form-select form-select-sm" value={i18n.language} onChange={(event) => void i18n.changeLanguage(event.target.value)}>
        {LANGUAGES.map((lng) => (
          <option key={lng} value={lng}>
            {t(lng === 'it' ? 'app.languageIt' : 'app.languageEn')}
          </option>
        ))}
      </select>
    </div>
  );
}
