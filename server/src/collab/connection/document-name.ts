/** Kinds of live documents: a document is named `<kind>:<owner id>` (workshop boards come next). */
export const DOCUMENT_KINDS = ['project-plan'] as const;
export type DocumentKind = (typeof DOCUMENT_KINDS)[number];

export interface DocumentAddress {
  kind: DocumentKind;
  ownerId: string;
}

const NAME = /^([a-z][a-z-]{0,40}):([0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12})$/;

/** The kind and owner a document name carries; null for a malformed name or an unknown kind. */
export function parseDocumentName(name: string): DocumentAddress | null {
  const m = NAME.exec(name);
  if (!m || !(DOCUMENT_KINDS as readonly string[]).includes(m[1])) return null;
  return { kind: m[1] as DocumentKind, ownerId: m[2] };
}
