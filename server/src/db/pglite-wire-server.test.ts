import { mkdtempSync, rmSync } from 'node:fs';
import { connect } from 'node:net';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { PGlite } from '@electric-sql/pglite';
import pg from 'pg';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { servePglite, type PgliteWireServer } from './pglite-wire-server.js';

/**
 * The embedded database's wire server, driven as the product drives it: several `pg` connections at once, each
 * sending parameterised statements (the extended protocol: Parse, Bind, Execute, Sync) and transactions.
 */
describe('PGlite served to several connections', () => {
  let db: PGlite;
  let folder: string;
  let server: PgliteWireServer;
  const clients: pg.Client[] = [];

  const client = async () => {
    const c = new pg.Client({ connectionString: `postgres://postgres@${server.address}/postgres` });
    await c.connect();
    clients.push(c);
    return c;
  };

  beforeAll(async () => {
    folder = mkdtempSync(path.join(tmpdir(), 'fe2i-pglite-wire-'));
    db = await PGlite.create({ dataDir: folder });
    server = await servePglite(db);
    await db.exec(`create table t (id int primary key, v text)`);
  });
  afterAll(async () => {
    await Promise.allSettled(clients.map((c) => c.end()));
    await server?.stop();
    await db?.close();
    if (folder) rmSync(folder, { recursive: true, force: true });
  });

  it('transactions and parameterised statements from several connections at once: each gets its own answers', async () => {
    // What MikroORM does under concurrent requests: flushes (begin, inserts, commit) beside plain reads. With
    // @electric-sql/pglite-socket 0.2.17 this failed 95 of its 240 steps ("unnamed prepared statement does not exist",
    // "current transaction is aborted"), on a PGlite with a data folder as the product runs it.
    const connections = await Promise.all([0, 1, 2, 3, 4, 5].map(() => client()));
    const problems: string[] = [];
    await Promise.all(
      connections.map(async (c, k) => {
        for (let i = 0; i < 40; i++) {
          try {
            if (i % 2) {
              await c.query('begin');
              await c.query(`insert into t values ($1, $2)`, [1000 + k * 100 + i, `from ${k}`]);
              const { rows } = await c.query(`select count(*)::int as n from t where v = $1`, [`from ${k}`]);
              if (rows[0].n !== (i + 1) / 2) problems.push(`${k}/${i}: ${rows[0].n} rows of its own inside its transaction`);
              await c.query('commit');
            } else {
              const { rows } = await c.query(`select $1::int as v, $2::text as w`, [k * 100 + i, `x${k}`]);
              if (rows[0].v !== k * 100 + i || rows[0].w !== `x${k}`) problems.push(`${k}/${i}: ${JSON.stringify(rows[0])}`);
            }
          } catch (error) {
            problems.push(`${k}/${i}: ${String(error)}`);
            await c.query('rollback').catch(() => {});
          }
        }
      }),
    );
    expect(problems).toEqual([]);
    expect((await connections[0].query(`select count(*)::int as n from t where id >= 1000`)).rows[0].n).toBe(6 * 20);
    await db.exec(`delete from t`);
  });

  it('a transaction runs alone: the others wait for its end and never see or join it', async () => {
    const [a, b] = await Promise.all([client(), client()]);
    await a.query('begin');
    await a.query(`insert into t values ($1, $2)`, [1, 'in a']);
    let bDone = false;
    const bRead = b.query(`select count(*)::int as n from t`).then((r) => ((bDone = true), r.rows[0].n));
    await new Promise((r) => setTimeout(r, 100));
    expect(bDone).toBe(false);
    // b's statement did not land inside a's transaction: a's rollback takes only a's row.
    await a.query(`insert into t values ($1, $2)`, [2, 'in a too']);
    await a.query('rollback');
    expect(await bRead).toBe(0);
    expect((await b.query(`select count(*)::int as n from t`)).rows[0].n).toBe(0);
  });

  it('a connection that goes away inside its transaction is rolled back, and the others go on', async () => {
    const [a, b] = await Promise.all([client(), client()]);
    await a.query('begin');
    await a.query(`insert into t values ($1, $2)`, [3, 'lost']);
    const waiting = b.query(`select count(*)::int as n from t`);
    a.on('error', () => {}); // its own end, expected
    (a as unknown as { connection: { stream: { destroy(): void } } }).connection.stream.destroy();
    expect((await waiting).rows[0].n).toBe(0);
    expect(db.isInTransaction()).toBe(false);
    await b.query(`insert into t values ($1, $2)`, [4, 'kept']);
    expect((await b.query(`select v from t`)).rows).toEqual([{ v: 'kept' }]);
  });

  it('garbage on one connection closes it alone', async () => {
    const b = await client();
    const closed = await new Promise<boolean>((resolve) => {
      const socket = connect(Number(server.address.split(':')[1]), '127.0.0.1', () => socket.write(Buffer.from([0, 0, 0, 8, 1, 2, 3, 4, 0xff, 0xff])));
      socket.on('close', () => resolve(true));
      socket.on('error', () => {});
    });
    expect(closed).toBe(true);
    const typed = await new Promise<boolean>((resolve) => {
      // A started connection that then sends a message claiming a negative length.
      const socket = connect(Number(server.address.split(':')[1]), '127.0.0.1', () => {
        const params = Buffer.from('user\0postgres\0database\0postgres\0\0');
        const startup = Buffer.alloc(8 + params.length);
        startup.writeInt32BE(startup.length, 0);
        startup.writeInt32BE(196608, 4);
        params.copy(startup, 8);
        socket.write(Buffer.concat([startup, Buffer.from([0x51, 0xff, 0xff, 0xff, 0xf0])]));
      });
      socket.on('close', () => resolve(true));
      socket.on('error', () => {});
    });
    expect(typed).toBe(true);
    expect((await b.query(`select $1::text as v`, ['still here'])).rows).toEqual([{ v: 'still here' }]);
  });
});
