import { Arg, FieldResolver, Resolver, Root } from 'type-graphql';
import { ExplanationItemNode, SynergyExplanationNode } from './view/explanation.types.js';
import { Language } from './view/knowledge.types.js';

const languageArg = {
  nullable: true,
  description: 'Language of the text; by default the one asked for the synergy (`language` of `synergies`/`synergy`), else French.',
} as const;

/** Explanations in words, in the language each field asks for: mutations and subscriptions get them too. */
@Resolver(() => SynergyExplanationNode)
export class SynergyExplanationResolver {
  @FieldResolver(() => [String], {
    description: 'The explanation in sentences. Before you may see the other side, its figures are left out or given as bands.',
  })
  sentences(@Root() explanation: SynergyExplanationNode, @Arg('language', () => Language, languageArg) language?: Language): string[] {
    return explanation.render(language ?? explanation.language);
  }
}

@Resolver(() => ExplanationItemNode)
export class ExplanationItemResolver {
  @FieldResolver(() => String, { nullable: true, description: 'The item as a sentence; null when it is withheld from you.' })
  sentence(@Root() item: ExplanationItemNode, @Arg('language', () => Language, languageArg) language?: Language): string | null {
    return item.say(language ?? item.language);
  }
}
