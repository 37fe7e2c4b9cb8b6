/**
 * A reader of Yjs v1 updates that proves, before Yjs touches the bytes, that decoding them is bounded: it walks
 * the same grammar as Yjs' decoder (yjs 13.6 `readClientsStructRefs`, `readItemContent`, `readDeleteSet`, lib0's
 * `readAny`), never reads past the end, and accepts only when every count announced fits in the bytes left (each
 * element costs at least one byte), every integer is below 2^53, nesting is shallow, and the contents are the kinds
 * a plan is made of. Every loop of this reader advances through the bytes, so it ends in O(length) steps.
 *
 * What it accepts, Yjs reads with the same bounded number of reads (it throws on a bad JSON string or UTF-8, which
 * the caller catches): such an update, when it is also small (so that integrating its few structs into a scratch
 * document is bounded too), can be checked on the calling thread. What it does not vouch for (a sub-document, an
 * unknown content or type, anything truncated or announcing more than it holds) goes to the worker that a time limit
 * can stop, which refuses it or lets it through as before. It is a gate to a fast path, never a verdict on its own.
 */

/** Yjs content kinds (`contentRefs` in yjs): 0 GC, 1 Deleted, 2 JSON, 3 Binary, 4 String, 5 Embed, 6 Format, 7 Type, 8 Any, 9 Doc, 10 Skip. */
const GC = 0;
const DELETED = 1;
const JSON_CONTENT = 2;
const BINARY = 3;
const STRING = 4;
const EMBED = 5;
const FORMAT = 6;
const TYPE = 7;
const ANY = 8;
const SKIP = 10;
/** Type references a ContentType may carry (YArray 0 … YXmlText 6); 3 (XmlElement) and 5 (XmlHook) carry a name. */
const TYPE_REFS_WITH_NAME = new Set([3, 5]);
const MAX_TYPE_REF = 6;
/** Nesting of `readAny` values (arrays, objects) this reader follows; deeper goes to the worker. */
const MAX_ANY_DEPTH = 16;

class NotProvable extends Error {}
const NOT_PROVABLE = new NotProvable();

class Reader {
  pos = 0;
  constructor(private readonly bytes: Uint8Array) {}

  get left(): number {
    return this.bytes.length - this.pos;
  }

  uint8(): number {
    if (this.pos >= this.bytes.length) throw NOT_PROVABLE;
    return this.bytes[this.pos++];
  }

  /** lib0's readVarUint, at most 8 bytes (below 2^56, checked below 2^53). */
  varUint(): number {
    let value = 0;
    let scale = 1;
    for (let i = 0; i < 8; i++) {
      const byte = this.uint8();
      value += (byte & 0x7f) * scale;
      if (byte < 0x80) {
        if (value > Number.MAX_SAFE_INTEGER) throw NOT_PROVABLE;
        return value;
      }
      scale *= 128;
    }
    throw NOT_PROVABLE;
  }

  /** lib0's readVarInt: a first byte with a sign bit and 6 bits of value, then varUint-style continuation. */
  varInt(): void {
    const first = this.uint8();
    if (first & 0x80) this.varUint();
  }

  /** An id: client and clock. */
  id(): void {
    this.varUint();
    this.varUint();
  }

  /** A count of elements that each take at least one more byte: never more than the bytes left. */
  count(): number {
    const n = this.varUint();
    if (n > this.left) throw NOT_PROVABLE;
    return n;
  }

  skip(n: number): void {
    if (n > this.left) throw NOT_PROVABLE;
    this.pos += n;
  }

  /** readVarString / readVarUint8Array: a length, then that many bytes. */
  lengthPrefixed(): void {
    this.skip(this.varUint());
  }

  /** lib0's readAny. */
  any(depth: number): void {
    if (depth > MAX_ANY_DEPTH) throw NOT_PROVABLE;
    switch (127 - this.uint8()) {
      case 0: // undefined
      case 1: // null
      case 6: // false
      case 7: // true
        return;
      case 2:
        return this.varInt();
      case 3:
        return this.skip(4); // float32
      case 4:
      case 5:
        return this.skip(8); // float64, bigint64
      case 8:
        return this.lengthPrefixed(); // string
      case 9: {
        const keys = this.count();
        for (let i = 0; i < keys; i++) {
          this.lengthPrefixed();
          this.any(depth + 1);
        }
        return;
      }
      case 10: {
        const items = this.count();
        for (let i = 0; i < items; i++) this.any(depth + 1);
        return;
      }
      case 11:
        return this.lengthPrefixed(); // Uint8Array
      default:
        throw NOT_PROVABLE;
    }
  }
}

/** yjs' readItemContent for the kinds a plan uses (a sub-document, kind 9, is not vouched for). */
function readContent(r: Reader, kind: number): void {
  switch (kind) {
    case DELETED:
      r.varUint();
      return;
    case JSON_CONTENT: {
      const n = r.count();
      for (let i = 0; i < n; i++) r.lengthPrefixed();
      return;
    }
    case BINARY:
    case STRING:
    case EMBED:
      r.lengthPrefixed();
      return;
    case FORMAT:
      r.lengthPrefixed();
      r.lengthPrefixed();
      return;
    case TYPE: {
      const typeRef = r.varUint();
      if (typeRef > MAX_TYPE_REF) throw NOT_PROVABLE;
      if (TYPE_REFS_WITH_NAME.has(typeRef)) r.lengthPrefixed();
      return;
    }
    case ANY: {
      const n = r.count();
      for (let i = 0; i < n; i++) r.any(0);
      return;
    }
    default:
      throw NOT_PROVABLE;
  }
}

/** yjs' readClientsStructRefs (v1): how many structs, and whether a client's structs start at clock 0. */
function readStructs(r: Reader): { structs: number; fromClockZero: boolean } {
  let total = 0;
  let fromClockZero = false;
  const clients = r.count();
  for (let c = 0; c < clients; c++) {
    const structs = r.count();
    r.varUint(); // client
    if (r.varUint() === 0) fromClockZero = true; // first clock
    total += structs;
    for (let s = 0; s < structs; s++) {
      const info = r.uint8();
      const kind = info & 0x1f;
      if (kind === GC || kind === SKIP) {
        r.varUint(); // length
        continue;
      }
      const hasOrigin = (info & 0x80) !== 0;
      const hasRightOrigin = (info & 0x40) !== 0;
      if (hasOrigin) r.id();
      if (hasRightOrigin) r.id();
      if (!hasOrigin && !hasRightOrigin) {
        // The parent: a root type's name (1) or an item's id (0); then, with bit 6, the key in a map.
        const parentIsRoot = r.varUint();
        if (parentIsRoot === 1) r.lengthPrefixed();
        else r.id();
        if ((info & 0x20) !== 0) r.lengthPrefixed();
      }
      readContent(r, kind);
    }
  }
  return { structs: total, fromClockZero };
}

/** yjs' readDeleteSet (v1): per client, (clock, length) ranges; returns how many ranges. */
function readDeleteSet(r: Reader): number {
  let total = 0;
  const clients = r.count();
  for (let c = 0; c < clients; c++) {
    r.varUint(); // client
    const ranges = r.count();
    total += ranges;
    for (let i = 0; i < ranges; i++) {
      r.varUint(); // clock
      // Yjs never writes an empty range, and one it cannot apply yet (past the document's state) throws when it is
      // set aside, re-encoded (yjs' DSEncoderV2.writeDsLen: "Unexpected case"), though it decodes: only applying
      // the update to a scratch document gives that verdict. Vouched for, it was logged, then threw on the live
      // document and on every load of the plan after.
      if (r.varUint() === 0) throw NOT_PROVABLE;
    }
  }
  return total;
}

export interface BoundedUpdate {
  /** Structs and deleted ranges the update holds. */
  size: number;
  /**
   * Whether some client's structs start at clock 0. When none does, applying the update to an empty document
   * integrates nothing: Yjs sets every client's structs aside as pending (their first clock is past the empty
   * document's state) and every deleted range as not yet applicable, so it throws exactly when decoding throws (the
   * reader vouches for no empty deleted range: setting one aside throws, see readDeleteSet).
   */
  fromClockZero: boolean;
}

/**
 * The shape of `update` (Yjs v1) when decoding it is provably bounded by its length (every read in bounds, every
 * count backed by bytes, only the content kinds above); null when it is not. Ends in O(length) steps whatever the
 * bytes.
 */
export function boundedUpdateV1(update: Uint8Array): BoundedUpdate | null {
  const r = new Reader(update);
  try {
    const { structs, fromClockZero } = readStructs(r);
    return { size: structs + readDeleteSet(r), fromClockZero };
  } catch (error) {
    if (error === NOT_PROVABLE) return null;
    throw error;
  }
}
