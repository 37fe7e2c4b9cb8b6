import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { Migration20261128170000_split_compost_need } from '../src/db/migrations/Migration20261128170000_split_compost_need.js';
import { Migration20261206060000_facilitation } from '../src/db/migrations/Migration20261206060000_facilitation.js';
import { TestApp } from './harness.js';

/** Data migrations, run against the real database after the schema they follow. */
describe('migrations', () => {
  let t: TestApp;
  beforeAll(async () => {
    t = await TestApp.start();
  });
  afterAll(async () => t?.stop());

  it('moves inputs declared with the retired need compost-feedstock to the need their words name', async () => {
    const em = t.app.orm.em.fork();
    const [template] = await em.execute(`select * from resource_flow where direction = 'INPUT' limit 1`);
    const declare = async (label: string, description: string | null) => {
      const [row] = await em.execute(
        `insert into resource_flow (id, site_id, organization_id, territory_id, direction, category, label, description, hazardous,
           unit, period, visibility, status, need_code, created_at, updated_at)
         values (gen_random_uuid(), ?, ?, ?, 'INPUT', 'WASTE', ?, ?, false, 'TONNE', 'YEAR', 'PUBLIC', 'ACTIVE', 'compost-feedstock', now(), now())
         returning id`,
        [template.site_id, template.organization_id, template.territory_id, label, description],
      );
      return row.id as string;
    };
    const green = await declare('Déchets verts à composter', null);
    const straw = await declare('Intrants de compostage', 'Paille et broyat de taille');
    const wet = await declare('Boues et épluchures pour le compost', null);

    const migration = new Migration20261128170000_split_compost_need(t.app.orm.em.getDriver(), t.app.orm.config);
    await migration.up();
    for (const sql of migration.getQueries()) await em.execute(sql as string);

    const rows = await em.execute(`select id, need_code from resource_flow where id in (?, ?, ?)`, [green, straw, wet]);
    const needOf = new Map(rows.map((r) => [r.id, r.need_code]));
    expect(needOf.get(green)).toBe('compost-structuring');
    expect(needOf.get(straw)).toBe('compost-structuring');
    expect(needOf.get(wet)).toBe('compost-wet-feedstock');
    expect((await em.execute(`select count(*)::int as n from resource_flow where need_code = 'compost-feedstock'`))[0].n).toBe(0);
  });
  it('dates the request of the sides already waiting to answer one, and only theirs', async () => {
    const em = t.app.orm.em.fork();
    const [waiting, other] = await em.execute(`select s.id from synergy s order by s.id limit 2`);
    await em.execute(`update synergy set status = 'CONTACT_REQUESTED', updated_at = '2026-11-30T10:00:00Z' where id = ?`, [waiting.id]);
    await em.execute(`update synergy set status = 'SUGGESTED' where id = ?`, [other.id]);
    await em.execute(`update synergy_participant set consent = 'PENDING', asked_at = null where synergy_id in (?, ?)`, [waiting.id, other.id]);

    const migration = new Migration20261206060000_facilitation(t.app.orm.em.getDriver(), t.app.orm.config);
    await migration.up();
    for (const sql of migration.getQueries()) if (/^update/i.test(String(sql).trim())) await em.execute(sql as string);

    const rows = await em.execute(`select synergy_id, asked_at from synergy_participant where synergy_id in (?, ?)`, [waiting.id, other.id]);
    for (const row of rows) {
      if (row.synergy_id === waiting.id) expect(new Date(row.asked_at).toISOString()).toBe('2026-11-30T10:00:00.000Z');
      else expect(row.asked_at).toBeNull();
    }
    expect(rows.some((r) => r.synergy_id === waiting.id) && rows.some((r) => r.synergy_id === other.id)).toBe(true);
  });
});
