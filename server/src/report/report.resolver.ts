import { execute, parse, type GraphQLResolveInfo } from 'graphql';
import { Arg, Ctx, Field, ID, Info, ObjectType, Query, registerEnumType, Resolver } from 'type-graphql';
import { expectId } from '../graphql/global-id.js';
import { Language } from '../synergy/view/knowledge.types.js';
import { TERRITORY_REPORT_DOCUMENT } from './territory-report.document.js';
import { territoryReportCsv } from './territory-report.csv.js';
import { territoryReportHtml } from './territory-report.html.js';
import { buildTerritoryReport, type TerritoryReportAnswer } from './territory-report.model.js';
import { territoryReportPdf } from './territory-report.pdf.js';

export enum ReportFormat {
  PDF = 'PDF',
  CSV = 'CSV',
  HTML = 'HTML',
}
registerEnumType(ReportFormat, {
  name: 'ReportFormat',
  description: 'PDF (made on the server), CSV (semicolon-separated, UTF-8 with a byte-order mark) or HTML (a self-contained printable page).',
});

@ObjectType('ReportFile', { description: 'A file made for you: its name, its media type and its bytes in base64.' })
export class ReportFileNode {
  @Field(() => String, { description: 'A file name to save it under, e.g. rapport-val-de-fensch-2026-12-05.pdf.' })
  filename!: string;

  @Field(() => String, { description: 'application/pdf, text/csv; charset=utf-8 or text/html; charset=utf-8.' })
  mediaType!: string;

  @Field(() => String, { description: 'The file, base64-encoded.' })
  contentBase64!: string;
}

const DOCUMENT = parse(TERRITORY_REPORT_DOCUMENT);

const slug = (name: string) =>
  name
    .normalize('NFD')
    .replace(/[\u0300-\u036f]/g, '')
    .toLowerCase()
    .replace(/[^a-z0-9]+/g, '-')
    .replace(/^-|-$/g, '') || 'territoire';

@Resolver()
export class ReportResolver {
  @Query(() => ReportFileNode, {
    description:
      "A territory's report for funders: indicators by stage (once-counted, with the gross potential beside them, low/central/high), its synergies and projects, the method and sources — exactly what you may see through this API (members and facilitators of the territory).",
  })
  async territoryReport(
    @Arg('territoryId', () => ID) territoryId: string,
    @Arg('format', () => ReportFormat) format: ReportFormat,
    @Arg('language', () => Language, { defaultValue: Language.FR }) language: Language,
    @Ctx() ctx: object,
    @Info() info: GraphQLResolveInfo,
  ): Promise<ReportFileNode> {
    expectId(territoryId, 'Territory', 'territoryId');
    // The report's content is the API's own answer to its reader: the same checks, anonymity and rounding.
    const answer = await execute({ schema: info.schema, document: DOCUMENT, contextValue: ctx, variableValues: { territoryId, language } });
    if (answer.errors?.length) throw answer.errors[0];
    const today = new Date().toISOString().slice(0, 10);
    const report = buildTerritoryReport(answer.data as unknown as TerritoryReportAnswer, language === Language.EN ? 'EN' : 'FR', today);
    const base = `${language === Language.EN ? 'report' : 'rapport'}-${slug(report.territoryName)}-${today}`;
    if (format === ReportFormat.HTML) {
      return { filename: `${base}.html`, mediaType: 'text/html; charset=utf-8', contentBase64: Buffer.from(territoryReportHtml(report), 'utf8').toString('base64') };
    }
    if (format === ReportFormat.CSV) {
      return { filename: `${base}.csv`, mediaType: 'text/csv; charset=utf-8', contentBase64: Buffer.from(territoryReportCsv(report), 'utf8').toString('base64') };
    }
    return { filename: `${base}.pdf`, mediaType: 'application/pdf', contentBase64: (await territoryReportPdf(report)).toString('base64') };
  }
}
