import { useId, useState, type FormEvent } from 'react';
import type * as Y from 'yjs';
import { useI18n } from '../../../i18n/useI18n';
import { ACTION_STATUSES, addAction, removeAction, updateAction, type ActionStatus, type PlanAction } from './plan-model';

export interface PlanOrganization {
  id: string;
  name: string;
}

interface ActionsTableProps {
  doc: Y.Doc;
  actions: PlanAction[];
  organizations: PlanOrganization[];
  readOnly: boolean;
}

const STATUS_KEYS = {
  TODO: 'plan.action.status.TODO',
  IN_PROGRESS: 'plan.action.status.IN_PROGRESS',
  DONE: 'plan.action.status.DONE',
} as const;

/** Who does what by when: each field is written to the document as it is changed, and shows the others' changes. */
export function ActionsTable({ doc, actions, organizations, readOnly }: ActionsTableProps) {
  const { t } = useI18n();
  const id = useId();
  return (
    <section aria-labelledby={`${id}-title`} className="plan-part plan-actions">
      <h3 id={`${id}-title`}>{t('plan.actions')}</h3>
      {actions.length === 0 ? (
        <p className="muted small">{t('plan.actions.empty')}</p>
      ) : (
        <ol className="plan-rows" aria-labelledby={`${id}-title`}>
          {actions.map((action, index) => (
            <ActionRow key={action.id} doc={doc} action={action} index={index + 1} organizations={organizations} readOnly={readOnly} />
          ))}
        </ol>
      )}
      {!readOnly && <NewActionForm doc={doc} organizations={organizations} />}
    </section>
  );
}

interface ActionRowProps {
  doc: Y.Doc;
  action: PlanAction;
  index: number;
  organizations: PlanOrganization[];
  readOnly: boolean;
}

function ActionRow({ doc, action, index, organizations, readOnly }: ActionRowProps) {
  const { t } = useI18n();
  const update = (fields: Partial<PlanAction>) => updateAction(doc, action.id, fields);
  return (
    <li className="plan-row plan-action-row">
      <input
        type="text"
        aria-label={t('plan.action.titleOf', { index })}
        value={action.title}
        maxLength={500}
        disabled={readOnly}
        onChange={(event) => update({ title: event.target.value })}
      />
      <OwnerSelect
        label={t('plan.action.ownerOf', { index })}
        value={action.ownerOrganizationId}
        organizations={organizations}
        disabled={readOnly}
        onChange={(ownerOrganizationId) => update({ ownerOrganizationId })}
      />
      <input
        type="date"
        aria-label={t('plan.action.dueDateOf', { index })}
        value={action.dueDate ?? ''}
        disabled={readOnly}
        onChange={(event) => update({ dueDate: event.target.value || null })}
      />
      <select
        aria-label={t('plan.action.statusOf', { index })}
        value={action.status}
        disabled={readOnly}
        onChange={(event) => update({ status: event.target.value as ActionStatus })}
      >
        {ACTION_STATUSES.map((status) => (
          <option key={status} value={status}>
            {t(STATUS_KEYS[status])}
          </option>
        ))}
      </select>
      {readOnly ? (
        <span />
      ) : (
        <button type="button" className="link-button small" aria-label={t('plan.action.remove', { index })} onClick={() => removeAction(doc, action.id)}>
          {t('plan.remove')}
        </button>
      )}
    </li>
  );
}

interface OwnerSelectProps {
  label: string;
  value: string | null;
  organizations: PlanOrganization[];
  disabled?: boolean;
  onChange(value: string | null): void;
}

/** The participants' organisations; an owner no longer among them (removed, or written by the API) stays shown. */
function OwnerSelect({ label, value, organizations, disabled, onChange }: OwnerSelectProps) {
  const { t } = useI18n();
  const known = value === null || organizations.some((organization) => organization.id === value);
  return (
    <select aria-label={label} value={value ?? ''} disabled={disabled} onChange={(event) => onChange(event.target.value || null)}>
      <option value="">{t('plan.action.noOwner')}</option>
      {organizations.map((organization) => (
        <option key={organization.id} value={organization.id}>
          {organization.name}
        </option>
      ))}
      {!known && <option value={value}>{t('plan.action.unknownOwner')}</option>}
    </select>
  );
}

function NewActionForm({ doc, organizations }: { doc: Y.Doc; organizations: PlanOrganization[] }) {
  const { t } = useI18n();
  const id = useId();
  const [title, setTitle] = useState('');
  const [owner, setOwner] = useState<string | null>(null);
  const [dueDate, setDueDate] = useState('');

  function submit(event: FormEvent) {
    event.preventDefault();
    if (title.trim() === '') return;
    addAction(doc, { title: title.trim(), ownerOrganizationId: owner, dueDate: dueDate || null, status: 'TODO' });
    setTitle('');
    setDueDate('');
  }

  return (
    <form className="plan-new-row" onSubmit={submit}>
      <div className="field">
        <label htmlFor={`${id}-title`}>{t('plan.action.new')}</label>
        <input id={`${id}-title`} type="text" value={title} maxLength={500} required onChange={(event) => setTitle(event.target.value)} />
      </div>
      <div className="field">
        <label htmlFor={`${id}-owner`}>{t('plan.action.owner')}</label>
        <select id={`${id}-owner`} value={owner ?? ''} onChange={(event) => setOwner(event.target.value || null)}>
          <option value="">{t('plan.action.noOwner')}</option>
          {organizations.map((organization) => (
            <option key={organization.id} value={organization.id}>
              {organization.name}
            </option>
          ))}
        </select>
      </div>
      <div className="field">
        <label htmlFor={`${id}-due`}>{t('plan.action.dueDate')}</label>
        <input id={`${id}-due`} type="date" value={dueDate} onChange={(event) => setDueDate(event.target.value)} />
      </div>
      <button type="submit">{t('plan.action.add')}</button>
    </form>
  );
}
