import { describeMissionEvent } from './case-describe-mission';

const roleOf = (accountId: string) => (accountId === 'client-1' ? 'Client' : 'Provider');

describe('a mission case history once a party is erased', () => {
  it('quotes a shredded message as the placeholder', () => {
    const line = describeMissionEvent(
      {
        type: 'MissionMessagePosted',
        data: { missionId: 'm1', messageId: 'x', authorId: 'client-1', text: '[erased]' },
      },
      roleOf,
    );
    expect(line).toBe('Client wrote: “[erased]”');
  });

  it('still renders a message whose text is missing altogether', () => {
    const line = describeMissionEvent(
      { type: 'MissionMessagePosted', data: { missionId: 'm1', messageId: 'x', authorId: 'p-1' } },
      roleOf,
    );
    expect(line).toBe('Provider wrote: “[erased]”');
  });
});
