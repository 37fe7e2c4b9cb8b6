import { Field, Float, ObjectType } from 'type-graphql';
import { toGlobalId } from '../graphql/global-id.js';
import { Node } from '../graphql/node.js';
import type { Organization } from './organization.entity.js';
import { ApprovalStatus, OrganizationKind } from '../vocabulary/organization.enums.js';
import type { Site } from './site.entity.js';
import type { OrganizationRecord, SiteRecord } from './organization.record.js';

@ObjectType('Organization', { implements: Node, description: 'An actor of the network: company, authority, SSE, lab…' })
export class OrganizationNode extends Node {
  dbId!: string;
  territoryDbId!: string;

  @Field(() => String, { description: 'Name of the organisation.' })
  name!: string;

  @Field(() => OrganizationKind, { description: 'Kind of actor.' })
  kind!: OrganizationKind;

  @Field(() => String, { nullable: true, description: 'NAF sub-class ("24.10Z") or NACE class ("24.10").' })
  naceCode!: string | null;

  @Field(() => String, { nullable: true, description: 'SIREN (9 digits), for French legal entities.' })
  siren!: string | null;

  @Field(() => String, { nullable: true, description: 'Presentation of the organisation.' })
  description!: string | null;

  @Field(() => String, { nullable: true, description: 'Web site address.' })
  website!: string | null;

  @Field(() => Boolean, { description: 'Whether it is an insertion enterprise (SIAE): its jobs count as insertion jobs.' })
  insertion!: boolean;

  @Field(() => ApprovalStatus, { description: 'Whether a facilitator of its territory has approved it: until then its members see what a visitor sees.' })
  approval!: ApprovalStatus;

  @Field(() => Date, { description: 'When the organisation was registered.' })
  createdAt!: Date;

  @Field(() => Date, { description: 'When its profile last changed.' })
  updatedAt!: Date;

  static from(o: Organization): OrganizationNode {
    return OrganizationNode.fromRecord({
      id: o.id,
      territoryId: o.territory.id,
      name: o.name,
      kind: o.kind,
      naceCode: o.naceCode ?? null,
      siren: o.siren ?? null,
      description: o.description ?? null,
      website: o.website ?? null,
      insertion: o.insertion,
      approval: o.approval,
      createdAt: o.createdAt,
      updatedAt: o.updatedAt,
    });
  }

  static fromRecord(o: OrganizationRecord): OrganizationNode {
    const node = new OrganizationNode();
    node.id = toGlobalId('Organization', o.id);
    node.dbId = o.id;
    node.territoryDbId = o.territoryId;
    node.name = o.name;
    node.kind = o.kind;
    node.naceCode = o.naceCode;
    node.siren = o.siren;
    node.description = o.description;
    node.website = o.website;
    node.insertion = o.insertion;
    node.approval = o.approval;
    node.createdAt = o.createdAt;
    node.updatedAt = o.updatedAt;
    return node;
  }
}

@ObjectType('Site', { implements: Node, description: 'A located place of an organisation (établissement).' })
export class SiteNode extends Node {
  dbId!: string;
  organizationDbId!: string;

  @Field(() => String, { description: 'Name of the site, e.g. "Usine de Florange".' })
  name!: string;

  @Field(() => String, { nullable: true, description: 'Street address.' })
  address!: string | null;

  @Field(() => String, { nullable: true, description: 'Postal code.' })
  postalCode!: string | null;

  @Field(() => String, { description: 'Commune.' })
  city!: string;

  @Field(() => Float, { description: 'Latitude, WGS 84 degrees.' })
  latitude!: number;

  @Field(() => Float, { description: 'Longitude, WGS 84 degrees.' })
  longitude!: number;

  @Field(() => String, { nullable: true, description: 'SIRET (14 digits) of the establishment.' })
  siret!: string | null;

  static from(s: Site): SiteNode {
    return SiteNode.fromRecord({
      id: s.id,
      organizationId: s.organization.id,
      name: s.name,
      address: s.address ?? null,
      postalCode: s.postalCode ?? null,
      city: s.city,
      latitude: s.latitude,
      longitude: s.longitude,
      siret: s.siret ?? null,
    });
  }

  static fromRecord(s: SiteRecord): SiteNode {
    const node = new SiteNode();
    node.id = toGlobalId('Site', s.id);
    node.dbId = s.id;
    node.organizationDbId = s.organizationId;
    node.name = s.name;
    node.address = s.address;
    node.postalCode = s.postalCode;
    node.city = s.city;
    node.latitude = s.latitude;
    node.longitude = s.longitude;
    node.siret = s.siret;
    return node;
  }
}
