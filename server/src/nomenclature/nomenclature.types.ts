import { Field, ObjectType, registerEnumType } from 'type-graphql';
import { ActivitySectorLevel } from './activity-sectors.js';

registerEnumType(ActivitySectorLevel, {
  name: 'ActivitySectorLevel',
  description: 'Level of an activity sector in the NACE Rev. 2 / NAF rév. 2 hierarchy.',
  valuesConfig: {
    CLASS: { description: 'A NACE Rev. 2 class, shared by every EU country, e.g. "24.10".' },
    NAF_SUBCLASS: { description: 'A French NAF rév. 2 sub-class (the APE code of the SIRENE register), e.g. "24.10Z".' },
  },
});

@ObjectType({
  description:
    'An entry of the European List of Waste (Decision 2000/532/EC as amended by Decision 2014/955/EU), with the ' +
    'headings it sits under. French labels are those of annexe II of article R541-8 of the code de l’environnement.',
})
export class WasteCode {
  @Field(() => String, { description: 'The six-digit code in pairs separated by spaces, e.g. "10 02 01".' })
  code!: string;

  @Field(() => Boolean, {
    description: 'Whether the entry is hazardous waste (marked with an asterisk in the legal text, e.g. "16 01 04*").',
  })
  hazardous!: boolean;

  @Field(() => String, { description: 'Official French label of the entry.' })
  labelFr!: string;

  @Field(() => String, { description: 'English label of the entry.' })
  labelEn!: string;

  @Field(() => String, { description: 'Two-digit code of the chapter, e.g. "10".' })
  chapterCode!: string;

  @Field(() => String, { description: 'French label of the chapter.' })
  chapterLabelFr!: string;

  @Field(() => String, { description: 'English label of the chapter.' })
  chapterLabelEn!: string;

  @Field(() => String, { description: 'Four-digit code of the subchapter in pairs, e.g. "10 02".' })
  subchapterCode!: string;

  @Field(() => String, { description: 'French label of the subchapter.' })
  subchapterLabelFr!: string;

  @Field(() => String, { description: 'English label of the subchapter.' })
  subchapterLabelEn!: string;
}

@ObjectType({
  description:
    'An activity sector: a NACE Rev. 2 class or a French NAF rév. 2 sub-class (APE code), with its section and ' +
    'division.',
})
export class ActivitySector {
  @Field(() => String, { description: 'Code of the class ("24.10") or of the NAF sub-class ("24.10Z").' })
  code!: string;

  @Field(() => ActivitySectorLevel, { description: 'Whether this is a NACE class or a NAF sub-class.' })
  level!: ActivitySectorLevel;

  @Field(() => String, { description: 'French label (INSEE).' })
  labelFr!: string;

  @Field(() => String, {
    nullable: true,
    description:
      'English label (Eurostat). NAF sub-classes have no official English label: theirs is that of their class.',
  })
  labelEn!: string | null;

  @Field(() => String, { description: 'Letter of the NACE section, e.g. "C".' })
  sectionCode!: string;

  @Field(() => String, { description: 'French label of the section.' })
  sectionLabelFr!: string;

  @Field(() => String, { description: 'English label of the section.' })
  sectionLabelEn!: string;

  @Field(() => String, { description: 'Two-digit code of the NACE division, e.g. "24".' })
  divisionCode!: string;
}

@ObjectType({ description: 'A section of NACE Rev. 2 (A to U), the broadest level of activity sectors.' })
export class ActivitySection {
  @Field(() => String, { description: 'Letter of the section, e.g. "C".' })
  code!: string;

  @Field(() => String, { description: 'French label (INSEE).' })
  labelFr!: string;

  @Field(() => String, { description: 'English label (Eurostat), in sentence case.' })
  labelEn!: string;
}
