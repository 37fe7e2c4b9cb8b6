import { useId, useState } from 'react';
import { useQuery } from 'urql';
import { useI18n } from '../../i18n/useI18n';
import { useDebounced } from '../../ui/useDebounced';
import { NeedsQuery, WasteCodesQuery } from './documents';
import type { FieldControlProps } from '../../ui/FormField';

interface CodeChoice {
  code: string;
  label: string;
  hazardous?: boolean;
}

interface CodeSearchProps {
  kind: 'ewc' | 'need';
  control: FieldControlProps;
  value: string;
  /** Label of the code already chosen, when known. */
  chosenLabel?: string;
  onChange(code: string): void;
}

const DEBOUNCE_MS = 250;

/**
 * A text box that searches the List of Waste (`wasteCodes`) or the needs of the knowledge base (`needs`) as the
 * person types, and offers the matches to choose from. What is typed is sent as is when nothing is chosen, so that
 * a code known by heart needs no search; the server says when it is not one.
 */
export function CodeSearch({ kind, control, value, chosenLabel, onChange }: CodeSearchProps) {
  const { t, language } = useI18n();
  const listId = useId();
  const [text, setText] = useState(value);
  const [chosen, setChosen] = useState<CodeChoice | null>(value && chosenLabel ? { code: value, label: chosenLabel } : null);
  const search = useDebounced(text.trim(), DEBOUNCE_MS);
  const pause = search.length < 2 || chosen?.code === search;
  const [waste] = useQuery({ query: WasteCodesQuery, variables: { search }, pause: pause || kind !== 'ewc' });
  const [needs] = useQuery({ query: NeedsQuery, variables: { search }, pause: pause || kind !== 'need' });

  const choices: CodeChoice[] | undefined =
    kind === 'ewc'
      ? waste.data?.wasteCodes.map((w) => ({ code: w.code, label: language === 'fr' ? w.labelFr : w.labelEn, hazardous: w.hazardous }))
      : needs.data?.needs.map((n) => ({ code: n.code, label: language === 'fr' ? n.labelFr : n.labelEn }));
  const showChoices = !pause && choices !== undefined;

  function type(next: string) {
    setText(next);
    setChosen(null);
    onChange(next.trim());
  }

  function choose(choice: CodeChoice) {
    setText(choice.code);
    setChosen(choice);
    onChange(choice.code);
  }

  return (
    <div className="code-search">
      <input
        {...control}
        type="search"
        autoComplete="off"
        value={text}
        aria-controls={showChoices ? listId : undefined}
        onChange={(event) => type(event.target.value)}
      />
      {chosen && <p className="small code-chosen">{t('flowForm.codeChosen', { label: chosen.label })}</p>}
      {showChoices && (
        <div id={listId} className="code-choices" aria-live="polite">
          {choices.length === 0 ? (
            <p className="muted small">{t('flowForm.codeNone')}</p>
          ) : (
            <ul aria-label={t('flowForm.codeResults')}>
              {choices.map((choice) => (
                <li key={choice.code}>
                  <button type="button" className="code-choice" onClick={() => choose(choice)}>
                    <span className="code">{choice.code}</span> {choice.label}
                    {choice.hazardous && <span className="tag hazardous">{t('flowForm.hazardous')}</span>}
                  </button>
                </li>
              ))}
            </ul>
          )}
        </div>
      )}
    </div>
  );
}
