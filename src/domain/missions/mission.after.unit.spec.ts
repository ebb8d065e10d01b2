import { missionDecider } from './index';
import { MissionEvent } from './mission.events';
import {
  amounts,
  appreciated,
  as,
  command,
  confirmed,
  disputeClosed,
  history,
  ids,
  requested,
  spec,
  times,
  validated,
} from './mission.fixtures.spec';

describe('ValidateMission', () => {
  it('"Mission terminée ✔": the client validates after the start and the price is captured', () => {
    spec.given(history.confirmed).when(command.validate()).then([validated]);
  });

  it('lets the client validate from the start instant on', () => {
    spec
      .given(history.confirmed)
      .when(command.validate(as.client(times.startsAt)))
      .thenMatches(([event]) => expect(event.type).toBe('MissionValidated'));
  });

  it('refuses a validation before the start with 409 MISSION_NOT_STARTED', () => {
    spec
      .given(history.confirmed)
      .when(command.validate(as.client(times.dayBeforeStart)))
      .thenThrows('MISSION_NOT_STARTED', { currentStatus: 'confirmed', startsAt: times.startsAt });
  });

  it('validates automatically at the written deadline', () => {
    spec
      .given(history.confirmed)
      .when(command.validate(as.system(times.autoValidateAt)))
      .then([
        {
          ...validated,
          data: { ...validated.data, validatedBy: 'system', validatedAt: times.autoValidateAt },
        },
      ]);
  });

  it('refuses the automatic validation before its deadline with 409 MISSION_AUTO_VALIDATION_NOT_DUE', () => {
    spec
      .given(history.confirmed)
      .when(command.validate(as.system(times.afterStart)))
      .thenThrows('MISSION_AUTO_VALIDATION_NOT_DUE', { autoValidateAt: times.autoValidateAt });
  });

  it('never captures money that is not secured: 409 MISSION_NOT_AUTHORISED', () => {
    spec
      .given([
        requested({ paymentPlan: 'authorise_later', authoriseAt: times.dayBeforeStart }),
        confirmed,
      ])
      .when(command.validate())
      .thenThrows('MISSION_NOT_AUTHORISED', { priceCents: amounts.priceCents, authorisedCents: 0 });
  });

  it('waits for the dispute: 409 MISSION_DISPUTED, for the client and the system alike', () => {
    spec.given(history.disputed).when(command.validate()).thenThrows('MISSION_DISPUTED');
    spec
      .given(history.disputed)
      .when(command.validate(as.system(times.afterAutoValidate)))
      .thenThrows('MISSION_DISPUTED', { disputeId: ids.disputeId });
  });

  it('validates again once a dispute is withdrawn', () => {
    spec
      .given([...history.disputed, disputeClosed('withdrawn')])
      .when(command.validate(as.client(times.afterAutoValidate)))
      .thenMatches(([event]) => expect(event.type).toBe('MissionValidated'));
  });

  it('refuses the client’s second validation with 409 MISSION_ALREADY_VALIDATED', () => {
    spec.given(history.validated).when(command.validate()).thenThrows('MISSION_ALREADY_VALIDATED');
  });

  it('refuses an unknown validator with 400 MISSION_INVALID_VALIDATOR', () => {
    spec
      .given(history.confirmed)
      .when(command.validate(undefined, { validatedBy: 'provider' as never }))
      .thenThrows('MISSION_INVALID_VALIDATOR');
  });
});

describe('AppreciateMission', () => {
  it('records one appreciation on the scale with its comment', () => {
    spec
      .given(history.validated)
      .when(command.appreciate(undefined, { comment: '  Travail soigné.  ' }))
      .then([appreciated(2)]);
  });

  it.each([-2, -1, 1, 2] as const)('accepts %i on the scale', (appreciation) => {
    spec
      .given(history.validated)
      .when(command.appreciate(undefined, { appreciation }))
      .thenMatches(([event]) => expect(event.data).toMatchObject({ appreciation }));
  });

  it.each([0, 3, -3, 1.5])('refuses %s with 400 APPRECIATION_OUT_OF_SCALE', (appreciation) => {
    spec
      .given(history.validated)
      .when(command.appreciate(undefined, { appreciation: appreciation as never }))
      .thenThrows('APPRECIATION_OUT_OF_SCALE', { allowed: [-2, -1, 1, 2] });
  });

  it('allows an appreciation without a comment', () => {
    spec
      .given(history.validated)
      .when(command.appreciate(undefined, { comment: '' }))
      .thenMatches(([event]) => expect(event.data).toMatchObject({ comment: '' }));
  });

  it('refuses a comment over 2 000 characters with 400 MISSION_TEXT_TOO_LONG', () => {
    spec
      .given(history.validated)
      .when(command.appreciate(undefined, { comment: 'x'.repeat(2_001) }))
      .thenThrows('MISSION_TEXT_TOO_LONG');
  });

  it('refuses a second appreciation with 409 MISSION_ALREADY_APPRECIATED', () => {
    spec
      .given([...history.validated, appreciated(1)])
      .when(command.appreciate())
      .thenThrows('MISSION_ALREADY_APPRECIATED', { currentStatus: 'validated' });
  });

  it('appreciates a mission whose dispute was decided', () => {
    spec
      .given(history.resolved)
      .when(command.appreciate(undefined, { appreciation: -2 }))
      .thenMatches(([event]) => expect(event.data).toMatchObject({ appreciation: -2 }));
  });

  it('refuses before validation with 409 MISSION_NOT_VALIDATED', () => {
    spec
      .given(history.confirmed)
      .when(command.appreciate())
      .thenThrows('MISSION_NOT_VALIDATED', { currentStatus: 'confirmed' });
  });

  it('refuses a clientId that is not the caller with 403 MISSION_ACTOR_MISMATCH', () => {
    spec
      .given(history.validated)
      .when(command.appreciate(undefined, { clientId: 'client-2' }))
      .thenThrows('MISSION_ACTOR_MISMATCH');
  });
});

describe('RecommendMission', () => {
  const satisfied: MissionEvent[] = [...history.validated, appreciated(1)];

  it('records a recommendation after a satisfied appreciation', () => {
    spec
      .given(satisfied)
      .when(command.recommend())
      .then([
        {
          type: 'MissionRecommended',
          data: {
            missionId: ids.missionId,
            clientId: ids.clientId,
            providerId: ids.provider1,
            text: 'Je recommande : ponctuelle et efficace.',
            recommendedAt: times.afterAutoValidate,
          },
        },
      ]);
  });

  it.each([-2, -1] as const)(
    'refuses a recommendation after an unsatisfied appreciation (%i) with 422 RECOMMENDATION_REQUIRES_SATISFACTION',
    (appreciation) => {
      spec
        .given([...history.validated, appreciated(appreciation)])
        .when(command.recommend())
        .thenThrows('RECOMMENDATION_REQUIRES_SATISFACTION', { appreciation });
    },
  );

  it('refuses a recommendation before any appreciation with 422 RECOMMENDATION_REQUIRES_SATISFACTION', () => {
    spec
      .given(history.validated)
      .when(command.recommend())
      .thenThrows('RECOMMENDATION_REQUIRES_SATISFACTION', { appreciation: null });
  });

  it('refuses a second recommendation with 409 MISSION_ALREADY_RECOMMENDED', () => {
    const first = missionDecider.decide(command.recommend(), spec.given(satisfied).state());
    spec
      .given([...satisfied, ...first])
      .when(command.recommend())
      .thenThrows('MISSION_ALREADY_RECOMMENDED');
  });

  it('refuses an empty recommendation with 400 MISSION_TEXT_REQUIRED', () => {
    spec
      .given(satisfied)
      .when(command.recommend(undefined, { text: '  ' }))
      .thenThrows('MISSION_TEXT_REQUIRED');
  });

  it('keeps the appreciation and the recommendation on the state', () => {
    const first = missionDecider.decide(command.recommend(), spec.given(satisfied).state());
    expect(spec.given([...satisfied, ...first]).state()).toMatchObject({
      status: 'validated',
      appreciation: { value: 1, comment: 'Travail soigné.' },
      recommendation: { text: 'Je recommande : ponctuelle et efficace.' },
    });
  });
});
