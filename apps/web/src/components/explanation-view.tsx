import { useId } from 'react';
import { useTranslation } from 'react-i18next';
import { explain, type AnyExplanation, type ExplanationLine } from '../explanation/explain.js';
import { localeOf } from '../format/format.js';

function Lines({ lines }: { lines: ExplanationLine[] }) {
  return (
    <ul className="explanation-lines">
      {lines.map((line, index) => (
        <li key={index}>
          {line.text}
          {line.children && line.children.length > 0 ? <Lines lines={line.children} /> : null}
        </li>
      ))}
    </ul>
  );
}

/** "Perché 76?": the engine's explanation of a score, as sentences. */
export function ExplanationView({ title, explanation }: { title: string; explanation: AnyExplanation | null | undefined }) {
  const { t, i18n } = useTranslation();
  const id = useId();
  const lines = explain(explanation, { t: (key, options) => t(key, options ?? {}), locale: localeOf(i18n.language) });
  return (
    <section className="explanation" aria-labelledby={id}>
      <h2 id={id} className="h5">
        {title}
      </h2>
      <Lines lines={lines} />
    </section>
  );
}
