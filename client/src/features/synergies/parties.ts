import type { OrganizationKind, SynergyKind } from '../../gql/graphql';
import { organizationKindMessage } from '../../ui/organization-kind';
import type { Language, Translate } from '../../i18n/messages';
import { SYNERGY_KIND_MESSAGES } from './labels';

/** One side of a synergy as the API gives it: who it is, or what may be known of it while it is anonymous. */
export interface Party {
  isYours: boolean;
  organization: { id: string; name: string } | null;
  anonymous: {
    /** Null when the server withholds it (too few organisations would match). */
    organizationKind: OrganizationKind | null;
    sectorFr?: string | null;
    sectorEn?: string | null;
    distanceBand?: string | null;
  } | null;
}

/** A short name for a party: its name, or "Company · Manufacturing · 5–10 km" while it is anonymous. */
export function partyLabel(party: Party, language: Language, t: Translate): string {
  if (party.organization) return party.organization.name;
  if (!party.anonymous) return t('synergy.participant.anonymous');
  const { organizationKind, sectorFr, sectorEn, distanceBand } = party.anonymous;
  const sector = language === 'fr' ? sectorFr : sectorEn;
  const kind = organizationKind ? t(organizationKindMessage(organizationKind)) : t('synergy.participant.anonymous');
  return [kind, sector, distanceBand]
    .filter((part): part is string => Boolean(part))
    .join(' · ');
}

/**
 * The parties of a synergy once each, the viewer's own first. A synergy has one participant per flow, so an
 * organisation pooling two flows appears twice in the API's list; anonymous parties cannot be told apart and
 * are all kept.
 */
export function distinctParties<P extends Party>(participants: readonly P[]): P[] {
  const seen = new Set<string>();
  const parties = participants.filter((p) => {
    if (!p.organization) return true;
    if (seen.has(p.organization.id)) return false;
    seen.add(p.organization.id);
    return true;
  });
  return [...parties.filter((p) => p.isYours), ...parties.filter((p) => !p.isYours)];
}

/** The title of a synergy: its pathway, or its kind for one recorded by hand without a pathway. */
export function synergyTitle(
  synergy: { kind: SynergyKind; pathway: { labelFr: string; labelEn: string } | null },
  language: Language,
  t: Translate,
): string {
  if (synergy.pathway) return language === 'fr' ? synergy.pathway.labelFr : synergy.pathway.labelEn;
  return `${t('synergies.recorded')} (${t(SYNERGY_KIND_MESSAGES[synergy.kind]).toLowerCase()})`;
}
