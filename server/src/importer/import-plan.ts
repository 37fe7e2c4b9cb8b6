import { randomUUID } from 'node:crypto';
import type { EntityManager } from '@mikro-orm/postgresql';
import { ProblemList } from '../errors/domain-errors.js';
import { checkFlowFields, type CleanFlow, type FlowFields, type NeedCodes } from '../flow/flow.validation.js';
import type { ResourceFlow } from '../flow/resource-flow.entity.js';
import type { Organization } from '../organization/organization.entity.js';
import type { OrganizationKind } from '../vocabulary/organization.enums.js';
import { checkOrganizationFields, checkSiteFields } from '../organization/organization.validation.js';
import { checkText } from '../validation/field-checks.js';
import type { Site } from '../organization/site.entity.js';
import type { Territory } from '../territory/territory.entity.js';
import { checkRefs, readEnvelope, RecordProblems, refValue, textValue, type RawRecords } from './import-document.js';
import { loadExisting, type ExistingRecords } from './import-existing.js';
import type { ImportSource, RecordKind } from './import-source.js';

/** A record of the document, validated, with the id it has or will have and the stored record it updates. */
export interface Planned<E, V> {
  index: number;
  ref: string;
  id: string;
  existing: E | null;
  values: V;
}

export interface TerritoryValues {
  name: string;
  description: string | null;
  parentId: string | null;
}

export interface OrganizationValues {
  name: string;
  kind: OrganizationKind;
  naceCode: string | null;
  siren: string | null;
  description: string | null;
  website: string | null;
  insertion: boolean;
  territoryId: string;
}

export interface SiteValues {
  name: string;
  address: string | null;
  postalCode: string | null;
  city: string;
  latitude: number;
  longitude: number;
  siret: string | null;
  organizationId: string;
}

/** A flow's organisation and territory are its site's organisation's (ResourceFlow copies them). */
export interface FlowValues extends CleanFlow {
  siteId: string;
  organizationId: string;
  territoryId: string;
}

export interface ImportPlan {
  territories: Planned<Territory, TerritoryValues>[];
  organizations: Planned<Organization, OrganizationValues>[];
  sites: Planned<Site, SiteValues>[];
  flows: Planned<ResourceFlow, FlowValues>[];
  existing: ExistingRecords;
}

export const REJECTED = 'The import was rejected: nothing was changed.';

/**
 * Validates a whole document against itself and the database, collecting every problem before failing, and
 * returns what to write. Reads only: the caller runs it in the transaction that then applies the plan.
 */
export async function planImport(em: EntityManager, doc: unknown, source: ImportSource, needCodes: NeedCodes): Promise<ImportPlan> {
  const problems = new ProblemList();
  for (const p of source.problems) problems.add(p.field, p.message, p.row);
  const records = readEnvelope(doc, problems);
  const indexByRef = checkRefs(records, problems, source);
  const refs = (kind: RecordKind, field: string) => records[kind].map((r) => r[field]).filter((v): v is string => typeof v === 'string');
  const existing = await loadExisting(em, {
    organizations: [...refs('organizations', 'ref'), ...refs('sites', 'organizationRef')],
    sites: [...refs('sites', 'ref'), ...refs('flows', 'siteRef')],
    flows: refs('flows', 'ref'),
    sirens: refs('organizations', 'siren').map((s) => s.replace(/\s+/g, '')),
    sirets: refs('sites', 'siret').map((s) => s.replace(/\s+/g, '')),
  });
  const plan = new Planner(records, indexByRef, existing, problems, source, needCodes).plan();
  problems.throwIfAny(REJECTED);
  return plan;
}

class Planner {
  /** Id of every record of the document with a valid ref: the stored one's, or a new one. */
  private readonly ids: Record<RecordKind, Map<string, string>>;
  private readonly result: ImportPlan;
  /** Planned records by id (ids are UUIDs: unique across types). */
  private readonly plannedById = new Map<string, Planned<object, object>>();
  private readonly storedSiteById: Map<string, Site>;
  private readonly storedOrganizationById: Map<string, Organization>;
  /** First record holding each SIREN / SIRET, to report the repeats. */
  private readonly firstHolder = new Map<string, number>();
  private readonly storedByRef: Record<RecordKind, Map<string, { id: string }>>;

  constructor(
    private readonly records: RawRecords,
    private readonly indexByRef: Record<RecordKind, Map<string, number>>,
    private readonly existing: ExistingRecords,
    private readonly problems: ProblemList,
    private readonly source: ImportSource,
    private readonly needCodes: NeedCodes,
  ) {
    const stored = {
      territories: existing.territoryByRef,
      organizations: existing.organizationByRef,
      sites: existing.siteByRef,
      flows: existing.flowByRef,
    };
    this.storedByRef = stored;
    this.ids = {} as Record<RecordKind, Map<string, string>>;
    for (const kind of Object.keys(stored) as RecordKind[]) {
      this.ids[kind] = new Map([...indexByRef[kind].keys()].map((ref) => [ref, stored[kind].get(ref)?.id ?? randomUUID()]));
    }
    this.result = { territories: [], organizations: [], sites: [], flows: [], existing };
    const sites = [...existing.siteByRef.values()];
    this.storedSiteById = new Map(sites.map((site) => [site.id, site]));
    this.storedOrganizationById = new Map(
      [...existing.organizationByRef.values(), ...sites.map((site) => site.organization)].map((o) => [o.id, o]),
    );
  }

  plan(): ImportPlan {
    this.each('territories', (record, at) => this.territory(record, at));
    this.checkTerritoryCycles();
    this.each('organizations', (record, at, index) => this.organization(record, at, index));
    this.each('sites', (record, at, index) => this.site(record, at, index));
    this.each('flows', (record, at) => this.flow(record, at));
    return this.result;
  }

  private each(kind: RecordKind, check: (record: Record<string, unknown>, at: ProblemList, index: number) => object | null) {
    this.records[kind].forEach((record, index) => {
      const at = new RecordProblems(this.problems, this.source, kind, index);
      const values = check(record, at, index);
      const ref = record.ref as string;
      // Records whose ref is invalid or repeated are checked (to report everything) but never planned.
      if (!values || this.indexByRef[kind].get(ref) !== index) return;
      const stored = this.storedByRef[kind].get(ref) ?? null;
      const planned = { index, ref, id: this.ids[kind].get(ref)!, existing: stored, values };
      (this.result[kind] as Planned<object, object>[]).push(planned);
      this.plannedById.set(planned.id, planned);
    });
  }

  /** The id a reference field points at, in the document first, then in the database. */
  private resolve(at: ProblemList, record: Record<string, unknown>, field: string, kind: RecordKind, required: boolean) {
    const ref = refValue(at, record, field, required);
    if (ref === undefined) return null;
    const id = this.ids[kind].get(ref) ?? this.storedByRef[kind].get(ref)?.id;
    if (!id) at.add(field, `"${ref}" is neither one of the ${kind} of this file nor an existing one`);
    return id ?? null;
  }

  private territory(record: Record<string, unknown>, at: ProblemList): TerritoryValues | null {
    const name = checkText(at, 'name', record.name as string, { required: true, max: 200 });
    const description = checkText(at, 'description', record.description as string, { max: 5000 });
    const parentId = this.resolve(at, record, 'parentRef', 'territories', false);
    return name ? { name, description, parentId } : null;
  }

  /** A territory may not end up enclosing itself, whether the loop is in the file or goes through the database. */
  private checkTerritoryCycles() {
    const parentOf = new Map(this.existing.territories.map((t) => [t.id, t.parent?.id ?? null]));
    for (const t of this.result.territories) parentOf.set(t.id, t.values.parentId);
    for (const t of this.result.territories) {
      const seen = new Set<string>();
      for (let cur = t.values.parentId; cur && !seen.has(cur); cur = parentOf.get(cur) ?? null) {
        seen.add(cur);
        if (cur === t.id) {
          new RecordProblems(this.problems, this.source, 'territories', t.index).add('parentRef', 'makes the territory enclose itself');
          break;
        }
      }
    }
  }

  private organization(record: Record<string, unknown>, at: ProblemList, index: number): OrganizationValues | null {
    const territoryId = this.resolve(at, record, 'territoryRef', 'territories', true);
    const insertion = record.insertion;
    if (insertion !== undefined && insertion !== null && typeof insertion !== 'boolean') at.add('insertion', 'must be true or false');
    const clean = checkOrganizationFields(
      at,
      {
        name: record.name as string,
        kind: record.kind as string,
        naceCode: textValue(at, record, 'naceCode'),
        siren: textValue(at, record, 'siren'),
        description: record.description as string,
        website: textValue(at, record, 'website'),
        insertion: typeof insertion === 'boolean' ? insertion : undefined,
      },
      false,
    );
    const siren = clean.siren ?? null;
    if (siren) this.checkTaken(at, 'siren', siren, record.ref, index, this.existing.organizationBySiren, 'organisation', 'organizations');
    if (!territoryId || !clean.name || !clean.kind) return null;
    return {
      name: clean.name,
      kind: clean.kind,
      naceCode: clean.naceCode ?? null,
      siren,
      description: clean.description ?? null,
      website: clean.website ?? null,
      insertion: clean.insertion ?? false,
      territoryId,
    };
  }

  private site(record: Record<string, unknown>, at: ProblemList, index: number): SiteValues | null {
    const organizationId = this.resolve(at, record, 'organizationRef', 'organizations', true);
    const organization = organizationId ? this.organizationFacts(organizationId) : null;
    const clean = checkSiteFields(
      at,
      {
        name: record.name as string,
        address: record.address as string,
        postalCode: record.postalCode as string,
        city: record.city as string,
        latitude: record.latitude as number,
        longitude: record.longitude as number,
        siret: textValue(at, record, 'siret'),
      },
      organization?.siren,
    );
    if (clean.siret) this.checkTaken(at, 'siret', clean.siret, record.ref, index, this.existing.siteBySiret, 'site', 'sites');
    return organizationId ? { ...clean, organizationId } : null;
  }

  private flow(record: Record<string, unknown>, at: ProblemList): FlowValues | null {
    const siteId = this.resolve(at, record, 'siteRef', 'sites', true);
    const fields = { ...record, ewcCode: textValue(at, record, 'ewcCode'), unit: textValue(at, record, 'unit') } as FlowFields;
    const clean = checkFlowFields(at, fields, this.needCodes);
    if (!siteId) return null;
    const planned = this.plannedById.get(siteId) as Planned<Site, SiteValues> | undefined;
    const organizationId = planned ? planned.values.organizationId : this.storedSiteById.get(siteId)?.organization.id;
    const territoryId = organizationId ? this.organizationFacts(organizationId)?.territoryId : undefined;
    // The site's organisation was reported if it did not resolve: the flow adds nothing to that.
    if (!organizationId || !territoryId) return null;
    return { ...clean, siteId, organizationId, territoryId };
  }

  /** An organisation's SIREN and territory after the import: the document's values when it is in it. */
  private organizationFacts(id: string): { siren: string | null; territoryId: string } | null {
    const planned = this.plannedById.get(id) as Planned<Organization, OrganizationValues> | undefined;
    if (planned) return { siren: planned.values.siren, territoryId: planned.values.territoryId };
    const stored = this.storedOrganizationById.get(id);
    return stored ? { siren: stored.siren ?? null, territoryId: stored.territory.id } : null;
  }

  /** SIREN and SIRET are unique: within the file, and against records of the database with another ref. */
  private checkTaken<E extends { externalRef?: string | null }>(
    at: ProblemList,
    field: 'siren' | 'siret',
    value: string,
    ref: unknown,
    index: number,
    stored: Map<string, E>,
    what: string,
    kind: 'organizations' | 'sites',
  ) {
    const holder = stored.get(value);
    if (holder && holder.externalRef !== ref) {
      const name = (holder as { name?: string }).name;
      at.add(field, `${value} is already registered for another ${what}${name ? ` ("${name}")` : ''}`);
      return;
    }
    const firstIndex = this.firstHolder.get(`${field}:${value}`);
    if (firstIndex === undefined) this.firstHolder.set(`${field}:${value}`, index);
    else {
      const where = this.source.locate(kind, firstIndex, field);
      at.add(field, `${value} is also given to ${where.row ? `row ${where.row}` : `${kind}[${firstIndex}]`}`);
    }
  }
}
