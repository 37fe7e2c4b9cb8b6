import { Arg, Ctx, Field, Int, Mutation, ObjectType, Resolver } from 'type-graphql';
import type { ImportResolverContext } from './import.context.js';

@ObjectType('ImportCounts', { description: 'What an import did to one kind of record.' })
class ImportCounts {
  @Field(() => Int, { description: 'Records that did not exist and were created.' })
  created!: number;

  @Field(() => Int, { description: 'Existing records (same ref) whose fields changed.' })
  updated!: number;

  @Field(() => Int, { description: 'Existing records already equal to the file.' })
  unchanged!: number;
}

@ObjectType('ImportReport', { description: 'The outcome of an import, which was applied whole.' })
class ImportReportNode {
  @Field(() => ImportCounts, { description: 'Territories.' })
  territories!: ImportCounts;

  @Field(() => ImportCounts, { description: 'Organisations.' })
  organizations!: ImportCounts;

  @Field(() => ImportCounts, { description: 'Sites.' })
  sites!: ImportCounts;

  @Field(() => ImportCounts, { description: 'Resource flows.' })
  flows!: ImportCounts;
}

@Resolver()
export class ImportResolver {
  @Mutation(() => ImportReportNode, {
    description:
      'Imports organisations, sites and flows from a JSON or CSV file (docs/import-format.md), for facilitators, ' +
      'into the territories they facilitate. All-or-nothing; re-importing updates by ref and never duplicates. ' +
      'Every problem is reported at once in `extensions.problems`, with row numbers.',
  })
  async importData(
    @Arg('fileName', () => String, { description: 'Name of the file; its extension (.json or .csv) sets the format.' }) fileName: string,
    @Arg('content', () => String, { description: 'The file content, as text (UTF-8).' }) content: string,
    @Ctx() ctx: ImportResolverContext,
  ): Promise<ImportReportNode> {
    return ctx.services.imports.importFile(ctx.viewer, fileName, content);
  }
}
