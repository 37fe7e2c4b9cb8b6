import { ArgsType, Field, ID, InputType, Int } from 'type-graphql';
import { ProjectStage } from './project.enums.js';

@InputType({ description: 'Narrows a list of projects (among those you may see).' })
export class ProjectFilterInput {
  @Field(() => ID, { nullable: true, description: 'Projects of this territory and those nested in it.' }) territoryId?: string;
  @Field(() => [ProjectStage], { nullable: true, description: 'Stages to keep.' }) stages?: ProjectStage[];
  @Field(() => ID, { nullable: true, description: 'Projects started from this synergy.' }) synergyId?: string;
  @Field(() => ID, { nullable: true, description: 'Projects this organisation takes part in.' }) organizationId?: string;
}

@ArgsType()
export class ProjectsArgs {
  @Field(() => Int, { nullable: true, defaultValue: 20, description: 'Page size, 0 to 100.' }) first?: number;
  @Field(() => String, { nullable: true, description: 'Cursor after which the page starts.' }) after?: string;
  @Field(() => ProjectFilterInput, { nullable: true, description: 'Filters.' }) filter?: ProjectFilterInput;
}

@InputType({
  description:
    'A new project: from a synergy (by a facilitator of its territory, or by a party once every side consented to be put in touch) ' +
    'or from scratch in a territory (facilitators). Give either synergyId or territoryId.',
})
export class CreateProjectInput {
  @Field(() => String, { description: 'Title, 3 to 200 characters.' }) title!: string;
  @Field(() => ID, { nullable: true, description: "The synergy it comes from: its other parties are invited." }) synergyId?: string;
  @Field(() => ID, { nullable: true, description: 'For a project from scratch: its territory (you must facilitate it).' }) territoryId?: string;
  @Field(() => ID, {
    nullable: true,
    description: 'Which of your organisations takes part (LEAD for a party, FACILITATOR for a facilitator); needed only if you have several.',
  })
  organizationId?: string;
  @Field(() => ID, { nullable: true, description: 'Facilitators: an organisation to invite as LEAD.' }) leadOrganizationId?: string;
}
