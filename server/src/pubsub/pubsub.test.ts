import { describe, expect, it } from 'vitest';
import { eventsHeard } from './events-heard.js';
import { createAppPubSub } from './pubsub.js';

const payload = { projectId: 'p', authors: [], summaryChanged: true, notesChanged: false, actions: { added: [], removed: [], changed: [] }, budget: { added: [], removed: [], changed: [] }, indicators: { added: [], removed: [], changed: [] } };

describe('whether a topic may be heard (the planChanged extension describes nothing for nobody)', () => {
  it('in one process: from a subscription until its subscriber leaves, one subscription at a time', async () => {
    const app = createAppPubSub(undefined);
    expect(app.mayBeHeard('PLAN_CHANGED')).toBe(false);
    const first = eventsHeard(app.pubSub, 'PLAN_CHANGED', () => true)[Symbol.asyncIterator]();
    const second = eventsHeard(app.pubSub, 'PLAN_CHANGED', () => true)[Symbol.asyncIterator]();
    expect(app.mayBeHeard('PLAN_CHANGED')).toBe(true);
    expect(app.mayBeHeard('PROJECT_CHANGED')).toBe(false);
    // The first subscriber hears an event, then leaves (GraphQL returns its iterator): the second still listens.
    const heard = first.next();
    await new Promise((r) => setTimeout(r, 0));
    app.pubSub.publish('PLAN_CHANGED', payload as never);
    expect((await heard).value).toEqual(payload);
    await first.return?.();
    await new Promise((r) => setTimeout(r, 0));
    expect(app.mayBeHeard('PLAN_CHANGED')).toBe(true);
    await second.return?.();
    await new Promise((r) => setTimeout(r, 0));
    expect(app.mayBeHeard('PLAN_CHANGED')).toBe(false);
    await app.close();
  });

  it('with Redis: always (a subscriber may be on another instance)', async () => {
    const app = createAppPubSub('redis://127.0.0.1:1/0');
    expect(app.mayBeHeard('PLAN_CHANGED')).toBe(true);
    await app.close();
  });
});
