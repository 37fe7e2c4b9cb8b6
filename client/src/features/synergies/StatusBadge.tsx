import type { SynergyStatus } from '../../gql/graphql';
import { useI18n } from '../../i18n/useI18n';
import { SYNERGY_STATUS_MESSAGES } from './labels';

export function StatusBadge({ status }: { status: SynergyStatus }) {
  const { t } = useI18n();
  return <span className={`tag status-tag status-${status.toLowerCase().replace('_', '-')}`}>{t(SYNERGY_STATUS_MESSAGES[status])}</span>;
}
