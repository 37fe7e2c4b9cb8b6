import type { EntityManager } from '@mikro-orm/postgresql';

/** A named version of a live document, as listed (without its state). */
export interface StoredVersion {
  id: string;
  documentName: string;
  name: string;
  createdById: string | null;
  /** The name of the person who saved it, when still known. */
  createdByName: string | null;
  createdAt: Date;
}

export interface NewVersion {
  documentName: string;
  name: string;
  /** The document's full state as a (v1) Yjs update. */
  state: Uint8Array;
  createdById: string | null;
}

const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/;

interface Row {
  id: string;
  document_name: string;
  name: string;
  created_by_id: string | null;
  created_by_name: string | null;
  created_at: Date | string;
}

const toVersion = (row: Row): StoredVersion => ({
  id: row.id,
  documentName: row.document_name,
  name: row.name,
  createdById: row.created_by_id,
  createdByName: row.created_by_name,
  createdAt: new Date(row.created_at),
});

const COLUMNS = `v.id, v.document_name, v.name, v.created_by_id, u.name as created_by_name, v.created_at`;

/**
 * Named versions of live documents (`collab_version`): whole states kept apart from the update log, so compaction
 * never touches them and a restore never rewrites the history (it is a new update on top of it).
 */
export class VersionStore {
  constructor(private readonly unitOfWork: () => EntityManager) {}

  async save(version: NewVersion): Promise<StoredVersion> {
    const [row]: Row[] = await this.unitOfWork().execute(
      `with saved as (
         insert into collab_version (document_name, name, state, created_by_id) values (?, ?, ?, ?)
         returning id, document_name, name, created_by_id, created_at
       )
       select ${COLUMNS} from saved v left join app_user u on u.id = v.created_by_id`,
      [version.documentName, version.name, Buffer.from(version.state), version.createdById],
    );
    return toVersion(row);
  }

  /** A document's versions, newest first. */
  async list(documentName: string): Promise<StoredVersion[]> {
    const rows: Row[] = await this.unitOfWork().execute(
      `select ${COLUMNS} from collab_version v left join app_user u on u.id = v.created_by_id
       where v.document_name = ? order by v.created_at desc, v.id desc`,
      [documentName],
    );
    return rows.map(toVersion);
  }

  /** One version with its state; null for an unknown or malformed id. */
  async find(id: string): Promise<(StoredVersion & { state: Uint8Array }) | null> {
    if (!UUID.test(id)) return null;
    const [row]: (Row & { state: Buffer })[] = await this.unitOfWork().execute(
      `select ${COLUMNS}, v.state from collab_version v left join app_user u on u.id = v.created_by_id where v.id = ?`,
      [id],
    );
    return row ? { ...toVersion(row), state: new Uint8Array(row.state) } : null;
  }
}
