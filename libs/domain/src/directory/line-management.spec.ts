import { wouldCreateLineManagementCycle } from './line-management';

describe('line management cycles', () => {
  const managers = new Map<string, string | null>([
    ['practitioner', 'team-manager'],
    ['team-manager', 'head-of-service'],
    ['head-of-service', null],
  ]);
  const lineManagerOf = (id: string) => managers.get(id);

  it('allows a manager further up an acyclic chain', () => {
    expect(wouldCreateLineManagementCycle('new-starter', 'practitioner', lineManagerOf)).toBe(
      false,
    );
  });

  it('refuses a person managing themselves', () => {
    expect(wouldCreateLineManagementCycle('practitioner', 'practitioner', lineManagerOf)).toBe(
      true,
    );
  });

  it('refuses a loop through the chain', () => {
    expect(wouldCreateLineManagementCycle('head-of-service', 'practitioner', lineManagerOf)).toBe(
      true,
    );
  });

  it('stops on an existing loop elsewhere instead of spinning', () => {
    const looped = new Map([
      ['a', 'b'],
      ['b', 'a'],
    ]);
    expect(wouldCreateLineManagementCycle('x', 'a', (id) => looped.get(id))).toBe(false);
  });
});
