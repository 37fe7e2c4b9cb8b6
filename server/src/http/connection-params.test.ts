import { describe, expect, it } from 'vitest';
import { authorizationParam } from './graphql-ws.js';

describe('the token in connectionParams', () => {
  it('is read under authorization whatever its case, as GraphiQL and integrators write it', () => {
    expect(authorizationParam({ authorization: 'Bearer a' })).toBe('Bearer a');
    expect(authorizationParam({ Authorization: 'Bearer b' })).toBe('Bearer b');
    expect(authorizationParam({ AUTHORIZATION: 'Bearer c', other: 'x' })).toBe('Bearer c');
  });

  it('is absent when not a string or not there', () => {
    expect(authorizationParam({})).toBeUndefined();
    expect(authorizationParam({ Authorization: 42 })).toBeUndefined();
    expect(authorizationParam({ authorizations: 'Bearer d' })).toBeUndefined();
  });
});
