import { answerDownTheChain, ESCALATION_CHAIN, type EscalationRung } from './recipients';

/**
 * The escalation fallback chain on its own, without a database: who answers a tier of the
 * ladder, given who holds each rung today. The directory queries behind each rung are covered
 * against Postgres, full of decoys, in test/e2e/escalation-recipients.e2e-spec.ts.
 */
describe('escalation fallback chain', () => {
  const OWNER = 'owner';
  const person = (id: string) => ({ id });

  /** A directory holding these people per rung, recording which rungs were asked, in order. */
  function directory(held: Partial<Record<EscalationRung, string[]>>) {
    const asked: EscalationRung[] = [];
    const holders = async (rung: EscalationRung) => {
      asked.push(rung);
      return (held[rung] ?? []).map(person);
    };
    return { asked, holders };
  }

  it("answers with the tier's own role when it has someone, asking no further", async () => {
    const { asked, holders } = directory({ 'owner-line-manager': ['manager'] });
    expect(await answerDownTheChain('owner-line-manager', OWNER, holders)).toEqual({
      people: [person('manager')],
    });
    expect(asked).toEqual(['owner-line-manager']);
  });

  it('falls down the chain rung by rung until someone answers, and says where', async () => {
    const { asked, holders } = directory({ 'agency-designated-lead': ['dsl-1', 'dsl-2'] });
    expect(await answerDownTheChain('owner-line-manager', OWNER, holders)).toEqual({
      people: [person('dsl-1'), person('dsl-2')],
      fellBackTo: 'agency-designated-lead',
    });
    expect(asked).toEqual(['owner-line-manager', 'head-of-service', 'agency-designated-lead']);
  });

  it('never escalates to the owner: a rung only the owner holds is passed over', async () => {
    const { holders } = directory({
      'head-of-service': [OWNER],
      'local-authority-lead': ['la-lead', OWNER],
    });
    expect(await answerDownTheChain('head-of-service', OWNER, holders)).toEqual({
      people: [person('la-lead')],
      fellBackTo: 'local-authority-lead',
    });
  });

  it('never climbs back up the chain from the tier a step starts at', async () => {
    const { asked, holders } = directory({
      'owner-line-manager': ['manager'],
      'head-of-service': ['head'],
    });
    expect(await answerDownTheChain('agency-designated-lead', OWNER, holders)).toEqual({
      people: [],
    });
    expect(asked).toEqual(['agency-designated-lead', 'local-authority-lead']);
  });

  it("falls back from the board to the local authority's leads", async () => {
    const { asked, holders } = directory({ 'local-authority-lead': ['la-lead'] });
    expect(await answerDownTheChain('board', OWNER, holders)).toEqual({
      people: [person('la-lead')],
      fellBackTo: 'local-authority-lead',
    });
    expect(asked).toEqual(['board', 'local-authority-lead']);
  });

  it('finds nobody when no rung below the tier has anyone but the owner', async () => {
    const { asked, holders } = directory({ 'owner-line-manager': [OWNER] });
    expect(await answerDownTheChain('owner-line-manager', OWNER, holders)).toEqual({ people: [] });
    expect(asked).toEqual([...ESCALATION_CHAIN]);
  });
});
