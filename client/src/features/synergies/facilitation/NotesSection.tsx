import { useId, useState, type FormEvent } from 'react';
import { useMutation } from 'urql';
import { useI18n } from '../../../i18n/useI18n';
import { describeError } from '../../../ui/errors';
import { serverProblems } from '../../../ui/field-problems';
import { FormField } from '../../../ui/FormField';
import { formatDateTime } from '../../../ui/format';
import { AddSynergyNoteMutation } from './documents';
import type { FacilitatedSynergy } from './FacilitationPanel';

const NOTE_MAX_LENGTH = 5000;

/** Internal notes, newest first, and a form to add one. */
export function NotesSection({ synergy }: { synergy: FacilitatedSynergy }) {
  const { t, language } = useI18n();
  const id = useId();
  const [text, setText] = useState('');
  const [result, addNote] = useMutation(AddSynergyNoteMutation);
  const problems = serverProblems(result.error, ['text'] as const);

  async function submit(event: FormEvent) {
    event.preventDefault();
    const res = await addNote({ id: synergy.id, text });
    if (!res.error) setText('');
  }

  return (
    <section aria-labelledby={`${id}-title`} className="detail-section notes-section">
      <h3 id={`${id}-title`}>{t('facilitation.notes')}</h3>
      <form onSubmit={submit}>
        <FormField id={`${id}-text`} label={t('facilitation.notes.new')} problems={problems.fields.text}>
          {(control) => (
            <textarea {...control} rows={3} maxLength={NOTE_MAX_LENGTH} required value={text} onChange={(event) => setText(event.target.value)} />
          )}
        </FormField>
        {problems.general.length > 0 && result.error && (
          <p role="alert" className="error">
            {t('facilitation.error', { message: describeError(result.error, t) })}
          </p>
        )}
        <button type="submit" className="secondary" disabled={result.fetching || text.trim() === ''}>
          {t('facilitation.notes.add')}
        </button>
      </form>
      {synergy.notes && synergy.notes.length > 0 ? (
        <ol className="notes">
          {synergy.notes.map((note) => (
            <li key={note.id} className="note-item">
              <p className="note-text">{note.text}</p>
              <p className="muted small">
                {t('facilitation.notes.by', {
                  author: note.authorName ?? t('facilitation.notes.unknownAuthor'),
                  date: formatDateTime(note.createdAt, language),
                })}
              </p>
            </li>
          ))}
        </ol>
      ) : (
        <p className="muted">{t('facilitation.notes.empty')}</p>
      )}
    </section>
  );
}
