import { describe, expect, it } from 'vitest';
import { connectionState, type ConnectionFacts } from './connection-state';

const settled: ConnectionFacts = { socket: 'connected', online: true, firstAttempt: false, synced: true, unsyncedChanges: 0 };

describe('connectionState', () => {
  it('is connected once the server holds every edit of this browser', () => {
    expect(connectionState(settled)).toBe('connected');
  });

  it('is syncing while the first exchange or an acknowledgement is awaited', () => {
    expect(connectionState({ ...settled, synced: false })).toBe('syncing');
    expect(connectionState({ ...settled, unsyncedChanges: 2 })).toBe('syncing');
  });

  it('is syncing while the page opens its first socket, offline while it tries again after losing one', () => {
    expect(connectionState({ ...settled, socket: 'connecting', synced: false, firstAttempt: true })).toBe('syncing');
    expect(connectionState({ ...settled, socket: 'connecting', synced: false, firstAttempt: false })).toBe('offline');
    expect(connectionState({ ...settled, socket: 'connecting', firstAttempt: true, online: false })).toBe('offline');
  });

  it('is offline without a socket or without a network, whatever is pending', () => {
    expect(connectionState({ ...settled, socket: 'connecting' })).toBe('offline');
    expect(connectionState({ ...settled, socket: 'disconnected', unsyncedChanges: 3 })).toBe('offline');
    expect(connectionState({ ...settled, online: false })).toBe('offline');
  });
});
