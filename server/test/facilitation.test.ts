import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { DEMO_ACCOUNTS } from '../src/demo/demo-accounts.js';
import { collect, TestApp, type As } from './harness.js';

/**
 * Issue 12, item 4, through the public API: a facilitator puts both parties in touch at once, each answers as it
 * would a party's request, identities are revealed only once both accepted; the facilitator sees who answered and
 * when, keeps notes and assigns the synergy to a colleague; the changes reach open subscriptions.
 */
describe('facilitator tools on synergies', () => {
  let t: TestApp;
  let facilitator: As;
  let steel: As;
  let joinery: As;
  let fensch: string;
  let steelOrg: { id: string; name: string };
  let joineryOrg: { id: string; name: string };

  const record = async () => {
    const res = await t.gql(
      `mutation($input: RecordSynergyInput!) { recordSynergy(input: $input) { id status } }`,
      { input: { territoryId: fensch, kind: 'SUBSTITUTION', organizationIds: [steelOrg.id, joineryOrg.id], status: 'SUGGESTED' } },
      facilitator,
    );
    expect(res.errors).toBeUndefined();
    return res.data!.recordSynergy.id as string;
  };
  const facilitatorView = `query($id: ID!) { synergy(id: $id) { status identitiesRevealed viewerCanFacilitate
    responses { organizationId organizationName state askedAt answeredAt }
    notes { text authorName createdAt } assignee { id name assignedAt } assignableFacilitators { id name } } }`;

  beforeAll(async () => {
    t = await TestApp.start();
    [facilitator, steel, joinery] = await Promise.all(
      [DEMO_ACCOUNTS.facilitator, DEMO_ACCOUNTS.steelMember, DEMO_ACCOUNTS.joineryMember].map((a) => t.logIn(a.email)),
    );
    fensch = (await t.gql(`{ territories { id name } }`)).data!.territories.find((x: any) => x.name === 'Val de Fensch').id;
    const orgOf = async (as: As) => (await t.gql(`{ viewer { memberships { organization { id name } } } }`, {}, as)).data!.viewer.memberships[0].organization;
    steelOrg = await orgOf(steel);
    joineryOrg = await orgOf(joinery);
  });
  afterAll(async () => t?.stop());

  it('puts both parties in touch at once; each answers; identities are revealed only when both accepted', async () => {
    const id = await record();
    const before = (await t.gql(facilitatorView, { id }, facilitator)).data!.synergy;
    expect(before.viewerCanFacilitate).toBe(true);
    expect(before.responses.map((r: any) => r.state)).toEqual(['NOT_ASKED', 'NOT_ASKED']);

    const put = await t.gql(`mutation($id: ID!) { putPartiesInTouch(id: $id) { status } }`, { id }, facilitator);
    expect(put.errors).toBeUndefined();
    expect(put.data!.putPartiesInTouch.status).toBe('CONTACT_REQUESTED');
    const asked = (await t.gql(facilitatorView, { id }, facilitator)).data!.synergy;
    expect(asked.responses.map((r: any) => r.state)).toEqual(['NO_ANSWER', 'NO_ANSWER']);
    for (const r of asked.responses) expect(Date.parse(r.askedAt)).toBeGreaterThan(Date.now() - 60_000);

    const party = `query($id: ID!) { synergy(id: $id) { viewerCanRespond identitiesRevealed viewerCanFacilitate responses { state } notes { text }
      assignee { name } participants { isYours organization { name } } } }`;
    const steelSees = (await t.gql(party, { id }, steel)).data!.synergy;
    expect(steelSees.viewerCanRespond).toBe(true);
    expect(steelSees.viewerCanFacilitate).toBe(false);
    expect([steelSees.responses, steelSees.notes, steelSees.assignee]).toEqual([null, null, null]);
    expect(steelSees.participants.find((p: any) => !p.isYours).organization).toBeNull();
    expect((await t.gql(party, { id }, joinery)).data!.synergy.viewerCanRespond).toBe(true);

    expect((await t.gql(`mutation($id: ID!) { respondToContact(id: $id, accept: true) { status } }`, { id }, steel)).data!.respondToContact.status).toBe('CONTACT_REQUESTED');
    const half = (await t.gql(facilitatorView, { id }, facilitator)).data!.synergy;
    const steelLine = half.responses.find((r: any) => r.organizationName === steelOrg.name);
    expect(steelLine.state).toBe('ACCEPTED');
    expect(steelLine.answeredAt).not.toBeNull();
    expect(half.responses.find((r: any) => r.organizationName === joineryOrg.name).state).toBe('NO_ANSWER');
    expect((await t.gql(party, { id }, steel)).data!.synergy.identitiesRevealed).toBe(false);

    expect((await t.gql(`mutation($id: ID!) { respondToContact(id: $id, accept: true) { status } }`, { id }, joinery)).data!.respondToContact.status).toBe('ACCEPTED');
    const revealed = (await t.gql(party, { id }, steel)).data!.synergy;
    expect(revealed.identitiesRevealed).toBe(true);
    expect(revealed.participants.find((p: any) => !p.isYours).organization.name).toBe(joineryOrg.name);
    // Nobody is left to ask.
    const again = await t.gql(`mutation($id: ID!) { putPartiesInTouch(id: $id) { status } }`, { id }, facilitator);
    expect(again.errors?.[0].extensions?.code).toBe('CONFLICT');
  });

  it('a party asking dates the other side’s request; a refusal is shown as declined with its date', async () => {
    const id = await record();
    await t.gql(`mutation($id: ID!) { requestContact(id: $id) { status } }`, { id }, steel);
    const asked = (await t.gql(facilitatorView, { id }, facilitator)).data!.synergy;
    const byName = (name: string) => asked.responses.find((r: any) => r.organizationName === name);
    expect(byName(steelOrg.name).state).toBe('ACCEPTED');
    expect(byName(joineryOrg.name).state).toBe('NO_ANSWER');
    expect(byName(joineryOrg.name).askedAt).not.toBeNull();
    await t.gql(`mutation($id: ID!) { respondToContact(id: $id, accept: false) { status } }`, { id }, joinery);
    const refused = (await t.gql(facilitatorView, { id }, facilitator)).data!.synergy;
    expect(refused.status).toBe('DECLINED');
    expect(refused.responses.find((r: any) => r.organizationName === joineryOrg.name)).toMatchObject({ state: 'DECLINED' });
    expect((await t.gql(`mutation($id: ID!) { putPartiesInTouch(id: $id) { status } }`, { id }, facilitator)).errors?.[0].extensions?.code).toBe('CONFLICT');
  });

  it('a synergy recorded as agreed or as asked shows its parties so, dated', async () => {
    for (const [status, state] of [['ACCEPTED', 'ACCEPTED'], ['CONTACT_REQUESTED', 'NO_ANSWER']] as const) {
      const res = await t.gql(
        `mutation($input: RecordSynergyInput!) { recordSynergy(input: $input) { id } }`,
        { input: { territoryId: fensch, kind: 'SUBSTITUTION', organizationIds: [steelOrg.id, joineryOrg.id], status } },
        facilitator,
      );
      const lines = (await t.gql(facilitatorView, { id: res.data!.recordSynergy.id }, facilitator)).data!.synergy.responses;
      expect(lines.map((l: any) => l.state)).toEqual([state, state]);
      for (const l of lines) expect(state === 'ACCEPTED' ? l.answeredAt : l.askedAt).not.toBeNull();
    }
  });

  it('notes: written and read by the facilitators, newest first, with author and date; bad text refused and nothing stored', async () => {
    const id = await record();
    const add = `mutation($id: ID!, $text: String!) { addSynergyNote(id: $id, text: $text) { text authorName createdAt } }`;
    expect((await t.gql(add, { id, text: '  Appel à la menuiserie : intéressée, rappeler en janvier.  ' }, facilitator)).data!.addSynergyNote).toMatchObject({
      text: 'Appel à la menuiserie : intéressée, rappeler en janvier.',
      authorName: DEMO_ACCOUNTS.facilitator.name,
    });
    await t.gql(add, { id, text: 'Visite du site prévue.' }, facilitator);
    for (const text of ['   ', 'x'.repeat(5001)]) {
      const bad = await t.gql(add, { id, text }, facilitator);
      expect(bad.errors?.[0].extensions?.code).toBe('BAD_USER_INPUT');
      expect(bad.errors?.[0].extensions?.problems?.[0].field).toBe('text');
    }
    const notes = (await t.gql(facilitatorView, { id }, facilitator)).data!.synergy.notes;
    expect(notes.map((n: any) => n.text)).toEqual(['Visite du site prévue.', 'Appel à la menuiserie : intéressée, rappeler en janvier.']);
  });

  it('assigns to a facilitator of the territory, refuses anyone else with BAD_USER_INPUT, and filters "assigned to me"', async () => {
    const id = await record();
    const other = await record();
    const view = (await t.gql(facilitatorView, { id }, facilitator)).data!.synergy;
    const me = view.assignableFacilitators.find((f: any) => f.name === DEMO_ACCOUNTS.facilitator.name);
    expect(me).toBeDefined();
    const assign = `mutation($id: ID!, $a: ID) { assignSynergy(id: $id, assigneeId: $a) { id } }`;
    expect((await t.gql(assign, { id, a: me.id }, facilitator)).errors).toBeUndefined();
    const assigned = (await t.gql(facilitatorView, { id }, facilitator)).data!.synergy.assignee;
    expect(assigned).toMatchObject({ id: me.id, name: DEMO_ACCOUNTS.facilitator.name });
    expect(assigned.assignedAt).not.toBeNull();

    // A member of a party, and a user id that exists nowhere: the same refusal, nothing changed.
    const steelUser = (await t.gql(`{ viewer { id } }`, {}, steel)).data!.viewer.id;
    const ghost = Buffer.from('User:00000000-0000-4000-8000-000000000000').toString('base64url');
    const answers = [];
    for (const a of [steelUser, ghost]) {
      const res = await t.gql(assign, { id: other, a }, facilitator);
      expect(res.errors?.[0].extensions?.code).toBe('BAD_USER_INPUT');
      answers.push(res.errors?.map((e) => [e.message, e.extensions]));
    }
    expect(answers[0]).toEqual(answers[1]);
    expect((await t.gql(facilitatorView, { id: other }, facilitator)).data!.synergy.assignee).toBeNull();

    const mine = await t.gql(`{ synergies(first: 100, filter: {assignedToMe: true}) { totalCount nodes { id } } }`, {}, facilitator);
    expect(mine.data!.synergies.nodes.map((n: any) => n.id)).toEqual([id]);
    const partyMine = await t.gql(`{ synergies(first: 100, filter: {assignedToMe: true}) { totalCount } }`, {}, steel);
    expect(partyMine.data!.synergies.totalCount).toBe(0);
    // Unassigned with null.
    await t.gql(assign, { id, a: null }, facilitator);
    expect((await t.gql(facilitatorView, { id }, facilitator)).data!.synergy.assignee).toBeNull();
  });

  it('the changes reach open subscriptions: the parties hear of the request, only the facilitators of notes and assignments', async () => {
    const id = await record();
    const query = `subscription { synergyChanged { synergyId change synergy { id status viewerCanRespond assignee { name } } } }`;
    const [fac, party] = [t.wsClient(facilitator), t.wsClient(steel)];
    const facEvents = collect<any>(fac, query, {});
    const steelEvents = collect<any>(party, query, {});
    // A probe both may hear: a note is heard by the facilitator only, so the steel works' subscription goes live on
    // its own request on a synergy of its own.
    const noteProbe = async (marker: string) => t.gql(`mutation($id: ID!, $m: String!) { addSynergyNote(id: $id, text: $m) { id } }`, { id, m: marker }, facilitator);
    await facEvents.live(noteProbe, (e) => e.data?.synergyChanged?.change === 'NOTE_ADDED');
    const probeSynergy = await record();
    await steelEvents.live(
      async () => t.gql(`mutation($id: ID!) { putPartiesInTouch(id: $id) { id } }`, { id: probeSynergy }, facilitator),
      (e) => e.data?.synergyChanged?.synergyId === probeSynergy,
    );

    await t.gql(`mutation($id: ID!, $m: String!) { addSynergyNote(id: $id, text: $m) { id } }`, { id, m: 'Note interne' }, facilitator);
    const view = (await t.gql(facilitatorView, { id }, facilitator)).data!.synergy;
    await t.gql(`mutation($id: ID!, $a: ID) { assignSynergy(id: $id, assigneeId: $a) { id } }`, { id, a: view.assignableFacilitators[0].id }, facilitator);
    await t.gql(`mutation($id: ID!) { putPartiesInTouch(id: $id) { id } }`, { id }, facilitator);
    // The facilitator also hears of the steel works' probe (a synergy of their territory, SUGGESTED when recorded, then
    // PUT_IN_TOUCH): this synergy's events only.
    const facHeard = (await facEvents.waitFor(5)).filter((e) => e.data.synergyChanged.synergyId === id);
    expect(facHeard.map((e) => e.data.synergyChanged.change)).toEqual(['NOTE_ADDED', 'ASSIGNED', 'PUT_IN_TOUCH']);
    // Each event is read when delivered (no cache kept by the socket's context): from the assignment on, it names who follows it.
    expect(facHeard.slice(1).map((e) => e.data.synergyChanged.synergy.assignee?.name)).toEqual([view.assignableFacilitators[0].name, view.assignableFacilitators[0].name]);
    const steelHeard = await steelEvents.waitFor(1);
    expect(steelHeard.map((e) => [e.data.synergyChanged.change, e.data.synergyChanged.synergy.viewerCanRespond])).toEqual([['PUT_IN_TOUCH', true]]);
    expect(JSON.stringify(steelHeard)).not.toContain('Note interne');
    await Promise.all([fac.dispose(), party.dispose()]);
  });
});
