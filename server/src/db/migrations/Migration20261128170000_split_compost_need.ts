import { Migration } from '@mikro-orm/migrations';

/**
 * Knowledge base 1.3.0 split the need `compost-feedstock` into `compost-structuring` (green waste, shredded wood,
 * straw: the carbon-rich matter that gives a compost its structure) and `compost-wet-feedstock` (food waste,
 * sludge: wet, nitrogen-rich matter). Inputs declared with the old code would otherwise keep a need nobody can
 * declare any more and that no pathway reaches: each is moved to the new need its own words name, the wet one
 * by default (the more demanding checks: animal by-products, hygienisation, spreading plans).
 */
export class Migration20261128170000_split_compost_need extends Migration {
  override async up(): Promise<void> {
    this.addSql(`update resource_flow
      set need_code = case
          when fe2i_fold(label || ' ' || coalesce(description, '')) ~ '(vert|broy|bois|copeau|paille|feuille|tonte|elagage|structur|carbon)'
            then 'compost-structuring'
          else 'compost-wet-feedstock'
        end,
        updated_at = now()
      where need_code = 'compost-feedstock';`);
  }

  override async down(): Promise<void> {
    this.addSql(`update resource_flow set need_code = 'compost-feedstock', updated_at = now()
      where need_code in ('compost-structuring', 'compost-wet-feedstock');`);
  }
}
