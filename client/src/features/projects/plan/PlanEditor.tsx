import type { HocuspocusProvider } from '@hocuspocus/provider';
import { useId, useMemo } from 'react';
import type * as Y from 'yjs';
import type { ConnectionState } from '../../../collab/connection-state';
import { presenceColor, presenceName } from '../../../collab/presence';
import { useLiveDocument, useLiveDocumentFacts } from '../../../collab/useLiveDocument';
import { usePresence } from '../../../collab/usePresence';
import { useI18n } from '../../../i18n/useI18n';
import { ActionsTable, type PlanOrganization } from './ActionsTable';
import { BudgetTable } from './BudgetTable';
import { IndicatorsTable } from './IndicatorsTable';
import { NotesEditor } from './NotesEditor';
import type { SynergyFigure } from './synergy-figures';
import { setSummary } from './plan-model';
import { usePlanView } from './usePlanView';
import './plan.css';

export interface PlanEditorProps {
  /** The plan's document on /collab, as the API names it (`project.planDocumentName`). */
  documentName: string;
  viewer: { id: string; name: string };
  /** The viewer's organisation in the project, shown beside their name to the others. */
  organizationName: string | null;
  /** What the API says; the server's answer on /collab has the last word (an observer's connection is read-only). */
  canEdit: boolean;
  /** The organisations taking part: who may own an action. */
  organizations: PlanOrganization[];
  /** The synergy the project came from, with its impact figures as the viewer may see them; null for none. */
  synergy?: { figures: SynergyFigure[] } | null;
}

const STATE_KEYS: Record<ConnectionState, 'plan.state.connected' | 'plan.state.offline' | 'plan.state.syncing'> = {
  connected: 'plan.state.connected',
  offline: 'plan.state.offline',
  syncing: 'plan.state.syncing',
};

/**
 * The project's plan, co-edited live over /collab: summary, rich-text notes, actions, budget and indicators, all
 * bound to one Y.Doc kept in this browser's IndexedDB. Loaded on its own (React.lazy): TipTap and Yjs stay out of
 * the first screen's bundle.
 */
export default function PlanEditor({ documentName, viewer, organizationName, canEdit, organizations, synergy = null }: PlanEditorProps) {
  const { t } = useI18n();
  // Keyed by the signed-in user: on a shared browser, the next person never sends the previous one's edits.
  const live = useLiveDocument(documentName, `fe2i:${viewer.id}:${documentName}`);
  const facts = useLiveDocumentFacts(live);
  const user = useMemo(() => {
    const name = presenceName(viewer.name, organizationName);
    return { name, color: presenceColor(name) };
  }, [viewer.name, organizationName]);
  if (!live) {
    return (
      <p role="status" className="muted">
        {t('plan.loading')}
      </p>
    );
  }
  const readOnly = !canEdit || facts.readOnly || facts.refused;
  return (
    <div className="plan-editor">
      <p role="status" className={`plan-state plan-state-${facts.state}`}>
        <span className="plan-state-dot" aria-hidden="true" />
        {t(STATE_KEYS[facts.state])}
      </p>
      {facts.refused && (
        <p role="alert" className="error">
          {t('plan.state.refused')}
        </p>
      )}
      {readOnly && !facts.refused && <p className="note small">{t('plan.readOnly')}</p>}
      <PresenceList provider={live.provider} />
      <SummaryField doc={live.doc} readOnly={readOnly} />
      <NotesEditor doc={live.doc} provider={live.provider} user={user} readOnly={readOnly} />
      <StructuredParts doc={live.doc} organizations={organizations} synergy={synergy} readOnly={readOnly} />
    </div>
  );
}

function PresenceList({ provider }: { provider: HocuspocusProvider }) {
  const { t } = useI18n();
  const id = useId();
  const users = usePresence(provider);
  return (
    <div className="plan-presence">
      <h3 id={`${id}-title`} className="small">
        {t('plan.presence')}
      </h3>
      <ul aria-labelledby={`${id}-title`}>
        {users.map((user) => (
          <li key={user.clientId}>
            <span className="presence-dot" style={{ background: user.color }} aria-hidden="true" />
            {user.isSelf ? t('plan.presence.you', { name: user.name }) : user.name}
          </li>
        ))}
      </ul>
    </div>
  );
}

function SummaryField({ doc, readOnly }: { doc: Y.Doc; readOnly: boolean }) {
  const { t } = useI18n();
  const id = useId();
  const { summary } = usePlanView(doc);
  return (
    <div className="field plan-summary">
      <label htmlFor={id}>{t('plan.summary')}</label>
      <textarea id={id} rows={3} maxLength={5000} value={summary} disabled={readOnly} onChange={(event) => setSummary(doc, event.target.value)} />
    </div>
  );
}

interface StructuredPartsProps {
  doc: Y.Doc;
  organizations: PlanOrganization[];
  synergy: { figures: SynergyFigure[] } | null;
  readOnly: boolean;
}

function StructuredParts({ doc, organizations, synergy, readOnly }: StructuredPartsProps) {
  const view = usePlanView(doc);
  return (
    <>
      <ActionsTable doc={doc} actions={view.actions} organizations={organizations} readOnly={readOnly} />
      <BudgetTable doc={doc} budget={view.budget} readOnly={readOnly} />
      <IndicatorsTable doc={doc} indicators={view.indicators} figures={synergy?.figures ?? []} hasSynergy={synergy !== null} readOnly={readOnly} />
    </>
  );
}
