import { GraphQLError } from 'graphql';
import { Arg, Int, Query, Resolver } from 'type-graphql';
import { listActivitySections, searchActivitySectors } from './activity-sectors.js';
import { ActivitySection, ActivitySector, WasteCode } from './nomenclature.types.js';
import { searchWasteCodes } from './waste-codes.js';

const MAX_FIRST = 100;

/** Reference lists are public: they carry no data about organisations, so no authentication is asked. */
@Resolver()
export class NomenclatureResolver {
  @Query(() => [WasteCode], {
    description:
      'Entries of the European List of Waste matching a code ("10 02 01", "100201", "10 02 01*"), a code prefix ' +
      '("10 02" lists the subchapter) or words of the French or English labels (accents and case ignored). ' +
      'Without a search, the entries in code order.',
  })
  wasteCodes(
    @Arg('search', () => String, { nullable: true, description: 'A code, a code prefix or words of the label.' })
    search: string | undefined,
    @Arg('first', () => Int, { defaultValue: 20, description: `How many entries to return, 1 to ${MAX_FIRST}.` })
    first: number,
  ): WasteCode[] {
    assertFirstInRange(first);
    return searchWasteCodes(search ?? undefined, first);
  }

  @Query(() => [ActivitySector], {
    description:
      'NACE Rev. 2 classes and French NAF rév. 2 sub-classes matching a code ("24.10Z", "2410Z", "24.10"), a code ' +
      'prefix ("24" lists the division) or words of the French or English labels (accents and case ignored). ' +
      'Without a search, the sectors in code order.',
  })
  activitySectors(
    @Arg('search', () => String, { nullable: true, description: 'A code, a code prefix or words of the label.' })
    search: string | undefined,
    @Arg('first', () => Int, { defaultValue: 20, description: `How many sectors to return, 1 to ${MAX_FIRST}.` })
    first: number,
  ): ActivitySector[] {
    assertFirstInRange(first);
    return searchActivitySectors(search ?? undefined, first);
  }

  @Query(() => [ActivitySection], { description: 'The NACE Rev. 2 sections, A to U: the choices of the directory\'s sector filter.' })
  activitySections(): ActivitySection[] {
    return [...listActivitySections()];
  }
}

function assertFirstInRange(first: number): void {
  if (!Number.isInteger(first) || first < 1 || first > MAX_FIRST) {
    throw new GraphQLError(`first must be between 1 and ${MAX_FIRST}`, { extensions: { code: 'BAD_USER_INPUT' } });
  }
}
