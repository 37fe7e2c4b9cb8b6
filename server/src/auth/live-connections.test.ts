import { describe, expect, it } from 'vitest';
import { SOCKET_CLOSE } from '../errors/domain-errors.js';
import { LiveConnections } from './live-connections.js';

function connection() {
  const closes: { code: number; reason: string }[] = [];
  return { closes, close: (code: number, reason: string) => void closes.push({ code, reason }) };
}

const alice = (via: 'SESSION' | 'API_TOKEN', credentialId: string) => ({ via, credentialId, user: { id: 'alice' } });

describe('LiveConnections', () => {
  it('closes the connections of the ended credential only', () => {
    const live = new LiveConnections();
    const session = connection();
    const token = connection();
    live.register(alice('SESSION', 's1'), session, 0);
    live.register(alice('API_TOKEN', 't1'), token, 0);
    expect(live.apply({ change: 'API_TOKEN_REVOKED', id: 't1' })).toBe(1);
    expect(token.closes).toEqual([SOCKET_CLOSE.CREDENTIAL_REVOKED]);
    expect(session.closes).toEqual([]);
  });

  it('closes every connection of a user on a user-wide change, with the code that says whether to reconnect', () => {
    const live = new LiveConnections();
    const a = connection();
    const b = connection();
    const bob = connection();
    live.register(alice('SESSION', 's1'), a, 0);
    live.register(alice('API_TOKEN', 't1'), b, 0);
    live.register({ via: 'SESSION', credentialId: 's2', user: { id: 'bob' } }, bob, 0);
    expect(live.apply({ change: 'ACCESS_CHANGED', id: 'alice' })).toBe(2);
    expect([...a.closes, ...b.closes]).toEqual([SOCKET_CLOSE.ACCESS_CHANGED, SOCKET_CLOSE.ACCESS_CHANGED]);
    expect(live.apply({ change: 'SESSION_ENDED', id: 's2' })).toBe(1);
    expect(bob.closes).toEqual([SOCKET_CLOSE.CREDENTIAL_REVOKED]);
  });

  it('a password change closes the sessions it ended, with its own reason, and nothing else of the user', () => {
    const live = new LiveConnections();
    const kept = connection();
    const ended = connection();
    const token = connection();
    live.register(alice('SESSION', 's1'), kept, 0);
    live.register(alice('SESSION', 's2'), ended, 0);
    live.register(alice('API_TOKEN', 't1'), token, 0);
    expect(live.apply({ change: 'PASSWORD_CHANGED', id: 's2' })).toBe(1);
    expect(ended.closes).toEqual([SOCKET_CLOSE.PASSWORD_CHANGED]);
    expect([...kept.closes, ...token.closes]).toEqual([]);
  });

  it('forgets a connection once unregistered', () => {
    const live = new LiveConnections();
    const c = connection();
    const unregister = live.register(alice('SESSION', 's1'), c, 0);
    expect(live.size).toBe(1);
    unregister();
    expect(live.size).toBe(0);
    expect(live.apply({ change: 'SESSION_ENDED', id: 's1' })).toBe(0);
  });

  it('closes at once a connection authenticated before a change it registers after (the race of a slow handshake)', () => {
    let now = 1000;
    const live = new LiveConnections(() => now);
    live.apply({ change: 'SESSION_ENDED', id: 's1' });
    const raced = connection();
    live.register(alice('SESSION', 's1'), raced, 999);
    expect(raced.closes).toEqual([SOCKET_CLOSE.CREDENTIAL_REVOKED]);
    expect(live.size).toBe(0);

    const later = connection(); // authenticated after the change: its principal already reflects it
    now = 2000;
    live.apply({ change: 'ACCESS_CHANGED', id: 'alice' });
    live.register(alice('SESSION', 's3'), later, 2001);
    expect(later.closes).toEqual([]);
  });

  it('remembers changes for a minute only', () => {
    let now = 0;
    const live = new LiveConnections(() => now);
    live.apply({ change: 'SESSION_ENDED', id: 's1' });
    now = 61_000;
    live.apply({ change: 'SESSION_ENDED', id: 'other' }); // prunes
    const c = connection();
    live.register(alice('SESSION', 's1'), c, -1);
    expect(c.closes).toEqual([]);
  });
});
