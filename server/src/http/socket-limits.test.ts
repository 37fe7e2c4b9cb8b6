import type { IncomingMessage } from 'node:http';
import { describe, expect, it } from 'vitest';
import { clientAddressOf, ConnectionsPerAddress, OperationBudget } from './socket-limits.js';

const request = (remoteAddress: string, forwardedFor?: string) =>
  ({ socket: { remoteAddress }, headers: forwardedFor ? { 'x-forwarded-for': forwardedFor } : {} }) as unknown as IncomingMessage;

describe('clientAddressOf', () => {
  it('believes X-Forwarded-For only from a proxy on this machine, and takes the address the proxy saw', () => {
    expect(clientAddressOf(request('203.0.113.9', '10.0.0.1'))).toBe('203.0.113.9');
    expect(clientAddressOf(request('127.0.0.1', '10.0.0.1, 198.51.100.7'))).toBe('198.51.100.7');
    expect(clientAddressOf(request('::ffff:127.0.0.1', '198.51.100.7, 127.0.0.1'))).toBe('198.51.100.7');
    expect(clientAddressOf(request('127.0.0.1', 'garbage'))).toBe('127.0.0.1');
    expect(clientAddressOf(request('127.0.0.1'))).toBe('127.0.0.1');
  });
});

describe('ConnectionsPerAddress', () => {
  it('admits up to the limit per address, and again after a release', () => {
    const limit = new ConnectionsPerAddress(2);
    expect([limit.admit('a'), limit.admit('a'), limit.admit('a'), limit.admit('b')]).toEqual([true, true, false, true]);
    limit.release('a');
    expect(limit.admit('a')).toBe(true);
  });
});

describe('OperationBudget', () => {
  it('allows the budget per second, refuses up to twice as much, then calls the connection abusive', () => {
    let now = 0;
    const budget = new OperationBudget(2, () => now);
    expect(Array.from({ length: 5 }, () => budget.take())).toEqual(['ALLOWED', 'ALLOWED', 'REFUSED', 'REFUSED', 'ABUSIVE']);
    now = 1000;
    expect(budget.take()).toBe('ALLOWED');
  });
});
