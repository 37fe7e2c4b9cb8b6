import { createPubSub } from '@graphql-yoga/subscription';
import { afterEach, describe, expect, it, vi } from 'vitest';
import { followTopic } from './follow-topic.js';
import type { AppPubSub, Topics } from './pubsub.js';

const credentialChange = (id: string) => ({ change: 'ACCESS_CHANGED', id }) as unknown as Topics['CREDENTIAL_CHANGED'][0];

/** Lets the pub/sub's async iterator deliver what was published. */
const delivered = () => new Promise((resolve) => setTimeout(resolve, 10));

describe('following a topic of the pub/sub', () => {
  afterEach(() => vi.restoreAllMocks());

  it('hears every event in order, goes on after a handler that throws or rejects, and hears nothing once stopped', async () => {
    const pubSub = createPubSub<Topics>() as AppPubSub['pubSub'];
    const errors = vi.spyOn(console, 'error').mockImplementation(() => {});
    const heard: string[] = [];
    const follower = followTopic(pubSub, 'CREDENTIAL_CHANGED', 'Handling failed', ({ id }) => {
      heard.push(id);
      if (id === 'throws') throw new Error('sync failure');
      if (id === 'rejects') return Promise.reject(new Error('async failure'));
      return undefined;
    });
    for (const id of ['a', 'throws', 'b', 'rejects', 'c']) pubSub.publish('CREDENTIAL_CHANGED', credentialChange(id));
    await delivered();
    expect(heard).toEqual(['a', 'throws', 'b', 'rejects', 'c']);
    expect(errors.mock.calls.map((call) => call.join(' '))).toEqual(['Handling failed: sync failure', 'Handling failed: async failure']);
    await follower.stop();
    pubSub.publish('CREDENTIAL_CHANGED', credentialChange('after'));
    await delivered();
    expect(heard).not.toContain('after');
  });
});
