import type { OrganizationKind } from '../gql/graphql';
import type { MessageKey } from '../i18n/messages';

/** The message naming each kind of actor; a kind added to the schema does not compile until it is named here. */
export const ORGANIZATION_KIND_MESSAGES: Record<OrganizationKind, MessageKey> = {
  COMPANY: 'kind.COMPANY',
  AUTHORITY: 'kind.AUTHORITY',
  SSE: 'kind.SSE',
  RESEARCH: 'kind.RESEARCH',
  UNIVERSITY: 'kind.UNIVERSITY',
  FACILITATOR: 'kind.FACILITATOR',
  OTHER: 'kind.OTHER',
};

export function organizationKindMessage(kind: OrganizationKind): MessageKey {
  return ORGANIZATION_KIND_MESSAGES[kind];
}
