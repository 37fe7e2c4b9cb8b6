import { Field, Float, ID, InputType } from 'type-graphql';
import { OrganizationKind } from '../vocabulary/organization.enums.js';

@InputType({ description: 'Narrows the directory.' })
export class OrganizationFilterInput {
  @Field(() => ID, { nullable: true, description: 'Only organisations of this territory or of territories nested in it.' })
  territoryId?: string;

  @Field(() => OrganizationKind, { nullable: true, description: 'Only organisations of this kind.' })
  kind?: OrganizationKind;

  @Field(() => String, {
    nullable: true,
    description: "Words of the name, of one of its sites' communes or of its sector's French label, accent- and case-insensitive; at most 200 characters.",
  })
  search?: string;

  @Field(() => String, {
    nullable: true,
    description: 'Only organisations of this activity sector: a NACE section letter ("C"), division ("24"), class ("24.10", with its NAF sub-classes) or NAF sub-class ("24.10Z").',
  })
  sector?: string;

  @Field(() => String, { nullable: true, description: 'Only organisations with a site in this commune (its whole name, accent- and case-insensitive).' })
  commune?: string;
}

@InputType({ description: 'A new organisation. You become its ADMIN.' })
export class CreateOrganizationInput {
  @Field(() => ID, { description: 'Territory the organisation belongs to.' })
  territoryId!: string;

  @Field(() => String, { description: 'Name.' })
  name!: string;

  @Field(() => OrganizationKind, { description: 'Kind of actor.' })
  kind!: OrganizationKind;

  @Field(() => String, { nullable: true, description: 'NAF sub-class ("24.10Z") or NACE class ("24.10").' })
  naceCode?: string;

  @Field(() => String, { nullable: true, description: 'SIREN, 9 digits (checksum verified).' })
  siren?: string;

  @Field(() => String, { nullable: true, description: 'Presentation.' })
  description?: string;

  @Field(() => String, { nullable: true, description: 'Web site, http(s).' })
  website?: string;

  @Field(() => Boolean, { nullable: true, description: 'Insertion enterprise (SIAE).' })
  insertion?: boolean;
}

@InputType({ description: 'Changes to an organisation; absent fields are unchanged, null clears.' })
export class UpdateOrganizationInput {
  @Field(() => String, { nullable: true, description: 'Name.' })
  name?: string;

  @Field(() => OrganizationKind, { nullable: true, description: 'Kind of actor.' })
  kind?: OrganizationKind;

  @Field(() => String, { nullable: true, description: 'NAF sub-class or NACE class.' })
  naceCode?: string | null;

  @Field(() => String, { nullable: true, description: 'SIREN, 9 digits.' })
  siren?: string | null;

  @Field(() => String, { nullable: true, description: 'Presentation.' })
  description?: string | null;

  @Field(() => String, { nullable: true, description: 'Web site.' })
  website?: string | null;

  @Field(() => Boolean, { nullable: true, description: 'Insertion enterprise (SIAE).' })
  insertion?: boolean;
}

@InputType({ description: 'A new site of an organisation.' })
export class AddSiteInput {
  @Field(() => String, { description: 'Name of the site.' })
  name!: string;

  @Field(() => String, { nullable: true, description: 'Street address.' })
  address?: string;

  @Field(() => String, { nullable: true, description: 'Postal code.' })
  postalCode?: string;

  @Field(() => String, { description: 'Commune.' })
  city!: string;

  @Field(() => Float, { description: 'Latitude, -90 to 90.' })
  latitude!: number;

  @Field(() => Float, { description: 'Longitude, -180 to 180.' })
  longitude!: number;

  @Field(() => String, { nullable: true, description: "SIRET, 14 digits, starting with the organisation's SIREN." })
  siret?: string;
}

@InputType({ description: 'Every field of an existing site, as for a new one (absent optional fields are cleared).' })
export class UpdateSiteInput extends AddSiteInput {}
