import { badInput } from '../errors/domain-errors.js';

/** Relay global IDs: base64url("Type:uuid"). Opaque to clients, typed for us. */
export type NodeType = 'Territory' | 'Organization' | 'Site' | 'ResourceFlow' | 'User' | 'ApiToken' | 'Synergy' | 'SynergyNote' | 'SynergyProject' | 'MembershipRequest' | 'PlanVersion';

const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/;

export function toGlobalId(type: NodeType, id: string): string {
  return Buffer.from(`${type}:${id}`, 'utf8').toString('base64url');
}

export function fromGlobalId(globalId: string): { type: NodeType; id: string } | null {
  if (globalId.length > 200) return null;
  const decoded = Buffer.from(globalId, 'base64url').toString('utf8');
  const sep = decoded.indexOf(':');
  const type = decoded.slice(0, sep) as NodeType;
  const id = decoded.slice(sep + 1);
  if (sep < 1 || !UUID.test(id)) return null;
  return { type, id };
}

/** Decodes an ID argument that must name a given type; a wrong or malformed ID is the caller's mistake. */
export function expectId(globalId: string, type: NodeType, field = 'id'): string {
  const decoded = fromGlobalId(globalId);
  if (!decoded || decoded.type !== type) {
    throw badInput(`${field} is not a valid ${type} ID.`, [{ field, message: `must be a ${type} ID` }]);
  }
  return decoded.id;
}
