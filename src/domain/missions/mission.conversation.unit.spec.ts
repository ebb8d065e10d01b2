import { MISSION_STATUS_LABELS } from './index';
import { as, command, history, ids, refusedBy, spec, times } from './mission.fixtures.spec';

describe('PostMissionMessage', () => {
  it('posts the client’s message with its files', () => {
    spec
      .given(history.confirmed)
      .when(command.post(undefined, { text: '  À jeudi !  ', fileRefs: ['file-1'] }))
      .then([
        {
          type: 'MissionMessagePosted',
          data: {
            missionId: ids.missionId,
            messageId: 'message-1',
            authorId: ids.clientId,
            text: 'À jeudi !',
            fileRefs: ['file-1'],
            postedAt: times.now,
          },
        },
      ]);
  });

  it('lets the confirmed provider write', () => {
    spec
      .given(history.confirmed)
      .when(command.post(as.provider()))
      .thenMatches(([event]) => expect(event.data).toMatchObject({ authorId: ids.provider1 }));
  });

  it('lets a candidate ask a question before accepting', () => {
    spec
      .given(history.pending)
      .when(command.post(as.provider3()))
      .thenMatches(([event]) => expect(event.data).toMatchObject({ authorId: ids.provider3 }));
  });

  it('closes the conversation to a candidate who refused, and to the others once one is confirmed', () => {
    spec
      .given([...history.pending, refusedBy('provider-3')])
      .when(command.post(as.provider3()))
      .thenThrows('MISSION_NOT_PARTY');
    spec
      .given(history.confirmed)
      .when(command.post(as.provider3()))
      .thenThrows('MISSION_NOT_PARTY');
  });

  it('keeps the conversation open after validation and after a decided dispute', () => {
    for (const status of ['validated', 'resolved'] as const)
      spec
        .given(history[status])
        .when(command.post(as.provider(times.afterAutoValidate)))
        .thenMatches((events) => expect(events).toHaveLength(1));
  });

  it('closes it on a cancelled or expired mission with 409 MISSION_TERMINAL', () => {
    for (const status of ['cancelled', 'expired'] as const)
      spec
        .given(history[status])
        .when(command.post())
        .thenThrows('MISSION_TERMINAL', { currentStatus: status });
  });

  it.each([
    ['an empty message', { text: '   ' }, 'MISSION_MESSAGE_EMPTY'],
    ['a message over 2 000 characters', { text: 'x'.repeat(2_001) }, 'MISSION_MESSAGE_TOO_LONG'],
    ['an empty file reference', { fileRefs: [' '] }, 'MISSION_INVALID_FILE_REF'],
    [
      'more than 10 files',
      { fileRefs: Array.from({ length: 11 }, (_, i) => `f${i}`) },
      'MISSION_INVALID_FILE_REF',
    ],
    ['no message id', { messageId: '' }, 'MISSION_MISSING_ID'],
  ])('refuses %s', (_what, data, code) => {
    spec.given(history.confirmed).when(command.post(undefined, data)).thenThrows(code);
  });
});

describe('Mission status labels', () => {
  it('names every status in French as the client area shows it', () => {
    expect(MISSION_STATUS_LABELS).toEqual({
      pending: 'En attente de réponse',
      confirmed: 'Rendez-vous confirmé',
      validated: 'Mission terminée',
      disputed: 'Problème signalé',
      resolved: 'Litige résolu',
      cancelled: 'Annulée',
      expired: 'Expirée',
    });
  });
});
