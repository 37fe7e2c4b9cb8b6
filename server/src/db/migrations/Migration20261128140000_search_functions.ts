import { Migration } from '@mikro-orm/migrations';

/**
 * SQL helpers for search: accent- and case-insensitive text folding (no dependency on the unaccent extension,
 * which PGlite lacks) and great-circle distance for "within R km of a point".
 */
export class Migration20261128140000_search_functions extends Migration {
  override async up(): Promise<void> {
    this.addSql(`create or replace function fe2i_fold(t text) returns text language sql immutable parallel safe as $$
      select lower(translate(replace(replace(replace(replace(t, 'œ', 'oe'), 'Œ', 'OE'), 'æ', 'ae'), 'Æ', 'AE'),
        'ÀÁÂÃÄÅàáâãäåÇçÈÉÊËèéêëÌÍÎÏìíîïÑñÒÓÔÕÖòóôõöÙÚÛÜùúûüÝýÿ’', 'AAAAAAaaaaaaCcEEEEeeeeIIIIiiiiNnOOOOOoooooUUUUuuuuYyy'''))
    $$;`);
    this.addSql(`create or replace function fe2i_distance_km(lat1 double precision, lon1 double precision,
        lat2 double precision, lon2 double precision) returns double precision language sql immutable parallel safe as $$
      select 6371.0088 * 2 * asin(least(1, sqrt(
        power(sin(radians(lat2 - lat1) / 2), 2) +
        cos(radians(lat1)) * cos(radians(lat2)) * power(sin(radians(lon2 - lon1) / 2), 2))))
    $$;`);
  }

  override async down(): Promise<void> {
    this.addSql('drop function if exists fe2i_distance_km(double precision, double precision, double precision, double precision);');
    this.addSql('drop function if exists fe2i_fold(text);');
  }
}
