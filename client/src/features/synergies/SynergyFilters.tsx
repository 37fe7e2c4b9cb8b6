import { useId } from 'react';
import type { SynergyKind, SynergyStatus } from '../../gql/graphql';
import { useI18n } from '../../i18n/useI18n';
import type { SynergyFilterChoice } from './filters';
import { SYNERGY_KINDS, SYNERGY_KIND_MESSAGES, SYNERGY_STATUSES, SYNERGY_STATUS_MESSAGES } from './labels';

interface SynergyFiltersProps {
  value: SynergyFilterChoice;
  onChange: (value: SynergyFilterChoice) => void;
  /** Facilitators may keep the synergies assigned to them. */
  canFilterAssigned?: boolean;
}

const isKind = (value: string): value is SynergyKind => (SYNERGY_KINDS as readonly string[]).includes(value);
const isStatus = (value: string): value is SynergyStatus => (SYNERGY_STATUSES as readonly string[]).includes(value);

/** Kind and status; the list follows as soon as a choice changes. */
export function SynergyFilters({ value, onChange, canFilterAssigned = false }: SynergyFiltersProps) {
  const { t } = useI18n();
  const id = useId();
  return (
    <fieldset className="filters">
      <legend>{t('synergies.filters')}</legend>
      <div className="field">
        <label htmlFor={`${id}-kind`}>{t('synergies.filter.kind')}</label>
        <select
          id={`${id}-kind`}
          value={value.kind}
          onChange={(event) => {
            const kind = event.target.value;
            onChange({ ...value, kind: isKind(kind) ? kind : 'ALL' });
          }}
        >
          <option value="ALL">{t('synergies.filter.kind.all')}</option>
          {SYNERGY_KINDS.map((kind) => (
            <option key={kind} value={kind}>
              {t(SYNERGY_KIND_MESSAGES[kind])}
            </option>
          ))}
        </select>
      </div>
      <div className="field">
        <label htmlFor={`${id}-status`}>{t('synergies.filter.status')}</label>
        <select
          id={`${id}-status`}
          value={value.status}
          onChange={(event) => {
            const status = event.target.value;
            onChange({ ...value, status: isStatus(status) || status === 'ALL' ? status : 'OPEN' });
          }}
        >
          <option value="OPEN">{t('synergies.filter.status.open')}</option>
          {SYNERGY_STATUSES.map((status) => (
            <option key={status} value={status}>
              {t(SYNERGY_STATUS_MESSAGES[status])}
            </option>
          ))}
          <option value="ALL">{t('synergies.filter.status.all')}</option>
        </select>
      </div>
      {canFilterAssigned && (
        <div className="field checkbox">
          <input
            id={`${id}-mine`}
            type="checkbox"
            checked={value.assignedToMe}
            onChange={(event) => onChange({ ...value, assignedToMe: event.target.checked })}
          />
          <label htmlFor={`${id}-mine`}>{t('synergies.filter.assignedToMe')}</label>
        </div>
      )}
    </fieldset>
  );
}
