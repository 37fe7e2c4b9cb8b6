import type { AddSiteInput } from '../../gql/graphql';

// The site form as typed, and the `addSite` / `updateSite` input it makes. Coordinates are typed for now; a map to place the
// site comes with the map feature.

export interface SiteFormState {
  name: string;
  address: string;
  postalCode: string;
  city: string;
  /** Degrees as typed ("49,3566"). */
  latitude: string;
  longitude: string;
  siret: string;
}

export type SiteField = keyof SiteFormState;

export const SITE_FIELDS: readonly SiteField[] = ['name', 'address', 'postalCode', 'city', 'latitude', 'longitude', 'siret'];

export const EMPTY_SITE: SiteFormState = { name: '', address: '', postalCode: '', city: '', latitude: '', longitude: '', siret: '' };

/** An existing site as the form shows it, to edit it (coordinates written the French way when French). */
export function siteFormState(
  site: { name: string; address?: string | null; postalCode?: string | null; city: string; latitude: number; longitude: number; siret?: string | null },
  language: string,
): SiteFormState {
  const degrees = (value: number) => (language === 'fr' ? String(value).replace('.', ',') : String(value));
  return {
    name: site.name,
    address: site.address ?? '',
    postalCode: site.postalCode ?? '',
    city: site.city,
    latitude: degrees(site.latitude),
    longitude: degrees(site.longitude),
    siret: site.siret ?? '',
  };
}

/** Degrees as the form writes them after a click on the map: 5 decimals (about a metre), a comma in French. */
export function typedDegrees(value: number, language: string): string {
  const text = String(Number(value.toFixed(5)));
  return language === 'fr' ? text.replace('.', ',') : text;
}

/** Where the typed coordinates put the site, or null while they are not two numbers in range. */
export function placeOf(state: SiteFormState): [number, number] | null {
  const read = (text: string) => (text.trim() === '' ? NaN : Number(text.trim().replace(',', '.')));
  const latitude = read(state.latitude);
  const longitude = read(state.longitude);
  if (!Number.isFinite(latitude) || !Number.isFinite(longitude) || Math.abs(latitude) > 90 || Math.abs(longitude) > 180) return null;
  return [latitude, longitude];
}

export type SiteOutcome =
  | { ok: true; input: AddSiteInput }
  | { ok: false; problems: Partial<Record<SiteField, 'required' | 'notANumber'>> };

/** The input of `addSite`, or what must be fixed first; ranges and the SIRET are the server's to check. */
export function toAddSiteInput(state: SiteFormState): SiteOutcome {
  const problems: Partial<Record<SiteField, 'required' | 'notANumber'>> = {};
  const degrees = (field: 'latitude' | 'longitude'): number => {
    const text = state[field].trim().replace(',', '.');
    if (text === '') problems[field] = 'required';
    else if (!Number.isFinite(Number(text))) problems[field] = 'notANumber';
    return Number(text);
  };
  for (const field of ['name', 'city'] as const) if (state[field].trim() === '') problems[field] = 'required';
  const latitude = degrees('latitude');
  const longitude = degrees('longitude');
  if (Object.keys(problems).length > 0) return { ok: false, problems };
  const optional = (text: string) => text.trim() || null;
  return {
    ok: true,
    input: {
      name: state.name.trim(),
      city: state.city.trim(),
      latitude,
      longitude,
      address: optional(state.address),
      postalCode: optional(state.postalCode),
      siret: optional(state.siret.replace(/\s/g, '')),
    },
  };
}
