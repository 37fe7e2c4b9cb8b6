import type { Extension, onAuthenticatePayload, onDisconnectPayload } from '@hocuspocus/server';
import type { Authenticate } from '../../auth/authenticate.js';
import type { Principal } from '../../auth/principal.loader.js';
import { DomainError } from '../../errors/domain-errors.js';
import type { CollabContext, DocumentAccessLevel } from '../connection/collab-context.js';
import { COLLAB_CLOSE } from '../connection/collab-socket.js';
import { parseDocumentName, type DocumentAddress } from '../connection/document-name.js';

/** What a viewer may do with a document, asked of the domain that owns it (its service asks the policy). */
export type DocumentAccess = (principal: Principal, address: DocumentAddress) => Promise<DocumentAccessLevel>;

/** Rejections look alike whether the document is missing or hidden, as NOT_FOUND does over GraphQL. */
const NOT_FOUND = { reason: 'Document not found.' };
const SIGN_IN = { reason: 'Sign in first.' };

/**
 * Who may open which document: the same credentials as GraphQL (the upgrade's session cookie, or an API token
 * sent as the provider's token), the owning domain's access (NONE: rejected as if absent; READ: read-only, so
 * Hocuspocus answers the connection's updates "not synced" and never applies them), and the per-socket budget of
 * documents. A malformed name or an unknown kind closes the socket: no honest client sends one.
 */
export class AuthenticationExtension implements Extension {
  constructor(
    private readonly authenticate: Authenticate,
    private readonly access: DocumentAccess,
  ) {}

  async onAuthenticate({ token, documentName, connectionConfig, context }: onAuthenticatePayload<CollabContext>): Promise<void> {
    const { socket } = context;
    const address = parseDocumentName(documentName);
    if (!address) {
      socket.close(COLLAB_CLOSE.UNKNOWN_DOCUMENT);
      throw NOT_FOUND;
    }
    if (socket.documents.size >= socket.limits.collabDocumentsPerConnection) {
      socket.close(COLLAB_CLOSE.TOO_MANY_DOCUMENTS);
      throw NOT_FOUND;
    }
    const authenticatedAt = Date.now();
    let principal: Principal | null;
    try {
      principal = await this.authenticate(socket.credentials(token || undefined));
    } catch (e) {
      if (e instanceof DomainError) throw SIGN_IN; // a revoked or wrong token
      throw e;
    }
    if (!principal) throw SIGN_IN;
    const level = await this.access(principal, address);
    if (level === 'NONE') throw NOT_FOUND;
    connectionConfig.readOnly = level === 'READ';
    context.principal = principal;
    socket.opened(documentName, principal, authenticatedAt, level === 'WRITE');
  }

  async onDisconnect({ documentName, context }: onDisconnectPayload<CollabContext>): Promise<void> {
    context.socket?.closedDocument(documentName);
  }
}
