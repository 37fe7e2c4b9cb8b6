import { Consent } from '../model/synergy.enums.js';

/** Where one party stands with being put in touch, as its facilitators see it. */
export type ResponseState = 'NOT_ASKED' | 'NO_ANSWER' | 'ACCEPTED' | 'DECLINED';

/** One participant row (a side and its flow) as stored. */
export interface ParticipantAnswer {
  organizationId: string;
  organizationName: string;
  consent: Consent;
  consentAt: Date | null;
  askedAt: Date | null;
}

export interface PartyResponse {
  organizationId: string;
  organizationName: string;
  state: ResponseState;
  askedAt: Date | null;
  answeredAt: Date | null;
}

/**
 * One line per organisation (a synergy has one participant per flow; an organisation pooling two flows answers once
 * for both). A refusal of any of its flows is its answer; it accepted when all of them did.
 */
export function partyResponses(participants: readonly ParticipantAnswer[]): PartyResponse[] {
  const byOrganization = new Map<string, ParticipantAnswer[]>();
  for (const p of participants) byOrganization.set(p.organizationId, [...(byOrganization.get(p.organizationId) ?? []), p]);
  return [...byOrganization].map(([organizationId, sides]) => {
    const consent = sides.some((p) => p.consent === Consent.DECLINED)
      ? Consent.DECLINED
      : sides.every((p) => p.consent === Consent.ACCEPTED)
        ? Consent.ACCEPTED
        : Consent.PENDING;
    const askedAt = latest(sides.map((p) => p.askedAt));
    const state: ResponseState = consent === Consent.PENDING ? (askedAt ? 'NO_ANSWER' : 'NOT_ASKED') : consent;
    return {
      organizationId,
      organizationName: sides[0].organizationName,
      state,
      askedAt,
      answeredAt: consent === Consent.PENDING ? null : latest(sides.map((p) => p.consentAt)),
    };
  });
}

function latest(dates: (Date | null)[]): Date | null {
  const known = dates.filter((d): d is Date => d !== null);
  return known.length ? new Date(Math.max(...known.map((d) => d.getTime()))) : null;
}
