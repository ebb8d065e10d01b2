import { CommandMeta } from '../shared';
import { MissionCommand } from './mission.commands';
import { MissionEvent, MissionStatus, TERMINAL_MISSION_STATUSES } from './mission.events';
import { missionDecider } from './index';
import {
  ALL_STATUSES,
  as,
  candidates,
  command,
  history,
  refusedBy,
  spec,
  times,
} from './mission.fixtures.spec';

/** The request sent again without `providerId`. */
const changedWithout = (providerId: string): MissionEvent[] =>
  missionDecider.decide(
    command.change(as.client(), {
      candidates: candidates.filter((c) => c.providerId !== providerId),
    }),
    spec.given(history.pending).state(),
  );

/** An event type list when allowed, `[]` for a repeat that records nothing, or the refusal's code. */
type Outcome = string[] | string;
const ok = (...types: string[]): Outcome => types;

const AE = 'MISSION_ALREADY_EXISTS';
const AC = 'MISSION_ALREADY_CONFIRMED';
const NP = 'MISSION_NOT_PENDING';
const NC = 'MISSION_NOT_CONFIRMED';
const D = 'MISSION_DISPUTED';
const AV = 'MISSION_ALREADY_VALIDATED';
const T = 'MISSION_TERMINAL';
const OP = 'MISSION_ONLY_PROVIDER';
const NCP = 'MISSION_NO_CHANGE_PROPOSED';
const PNF = 'MISSION_PAYMENT_NOT_FAILED';
const ND = 'MISSION_NOT_DISPUTED';
const NV = 'MISSION_NOT_VALIDATED';
const RRS = 'RECOMMENDATION_REQUIRES_SATISFACTION';
const message = ok('MissionMessagePosted');
const cancelled = ok('MissionCancelled');

// Columns follow ALL_STATUSES: pending, confirmed, disputed, validated, resolved, cancelled, expired.
const table: Array<[string, MissionCommand, Outcome[]]> = [
  ['RequestMission', command.request(), [AE, AE, AE, AE, AE, AE, AE]],
  [
    'AcceptMission (another candidate)',
    command.accept(as.provider2()),
    [ok('MissionConfirmed'), AC, AC, AC, T, T, T],
  ],
  [
    'AcceptMission (the winner again)',
    command.accept(as.provider()),
    [ok('MissionConfirmed'), [], AC, AC, T, T, T],
  ],
  ['RefuseMission', command.refuse(), [ok('MissionRefusedByProvider'), NP, NP, NP, T, T, T]],
  ['ChangeMissionRequest', command.change(), [ok('MissionRequestChanged'), NP, NP, NP, T, T, T]],
  ['ProposeMissionChange', command.propose(), [NC, ok('MissionChangeProposed'), D, AV, T, T, T]],
  ['AcceptMissionChange', command.acceptChange(), [OP, NCP, D, AV, T, OP, OP]],
  ['RefuseMissionChange', command.refuseChange(), [OP, NCP, D, AV, T, OP, OP]],
  ['WithdrawMissionChange', command.withdrawChange(), [NC, NCP, D, AV, T, T, T]],
  [
    'RecordMissionAuthorisation',
    command.authorise(),
    [ok('MissionPaymentAuthorised'), ok('MissionPaymentAuthorised'), D, AV, T, T, T],
  ],
  [
    'RecordMissionAuthorisationFailure',
    command.authorisationFailure(),
    [
      ok('MissionPaymentAuthorisationFailed'),
      ok('MissionPaymentAuthorisationFailed'),
      D,
      AV,
      T,
      T,
      T,
    ],
  ],
  ['ReplaceMissionPaymentMethod', command.replacePaymentMethod(), [PNF, PNF, D, AV, T, T, T]],
  ['PostMissionMessage', command.post(), [message, message, message, message, message, T, T]],
  ['CancelMission (client)', command.cancel(), [cancelled, cancelled, D, AV, T, T, T]],
  ['CancelMission (provider)', command.cancel(as.provider()), [NC, cancelled, D, AV, T, T, T]],
  ['ExpireMission', command.expire(), [ok('MissionExpired'), NP, NP, NP, T, T, []]],
  ['ValidateMission (client)', command.validate(), [NC, ok('MissionValidated'), D, AV, T, T, T]],
  [
    'ValidateMission (system)',
    command.validate(as.system(times.afterAutoValidate)),
    [NC, ok('MissionValidated'), D, [], T, T, T],
  ],
  ['ReportMissionProblem', command.report(), [NC, ok('MissionProblemReported'), D, AV, T, T, T]],
  [
    'CloseMissionDispute',
    command.closeDispute(),
    [ND, ND, ok('MissionDisputeClosed'), ND, T, T, T],
  ],
  [
    'AppreciateMission',
    command.appreciate(),
    [NV, NV, NV, ok('MissionAppreciated'), ok('MissionAppreciated'), NV, NV],
  ],
  ['RecommendMission', command.recommend(), [NV, NV, NV, RRS, RRS, NV, NV]],
];

const cases = table.flatMap(([name, cmd, outcomes]) =>
  ALL_STATUSES.map((status, column) => ({
    name,
    cmd,
    status,
    outcome: outcomes[column] as Outcome,
  })),
);

describe('Mission transitions: every command in every status', () => {
  it('covers every status in the table', () => {
    expect([...ALL_STATUSES].sort()).toEqual(
      ['pending', 'confirmed', 'validated', 'disputed', 'resolved', 'cancelled', 'expired'].sort(),
    );
    for (const [, , outcomes] of table) expect(outcomes).toHaveLength(ALL_STATUSES.length);
  });

  it('covers every command', () => {
    const types = new Set(table.map(([, cmd]) => cmd.type));
    expect(types.size).toBe(19);
  });

  it('folds each history into the status it stands for', () => {
    for (const status of ALL_STATUSES)
      expect(spec.given(history[status]).state().status).toBe(status);
  });

  it.each(cases)('$name when $status → $outcome', ({ cmd, status, outcome }) => {
    const when = spec.given(history[status]).when(cmd);
    if (typeof outcome === 'string') {
      when.thenThrows(outcome, { currentStatus: status });
    } else {
      when.thenMatches((events) => expect(events.map((event) => event.type)).toEqual(outcome));
    }
  });

  it.each([...TERMINAL_MISSION_STATUSES] as MissionStatus[])(
    'never leaves the terminal status %s, whatever the command',
    (status) => {
      const given = spec.given(history[status]);
      for (const [, cmd] of table) {
        let emitted: MissionEvent[] = [];
        try {
          emitted = missionDecider.decide(cmd, given.state());
        } catch {
          // refused: nothing recorded
        }
        expect(spec.given([...history[status], ...emitted]).state().status).toBe(status);
      }
    },
  );

  it('answers 404 MISSION_NOT_FOUND for any command but RequestMission on an unknown mission', () => {
    for (const [name, cmd] of table) {
      if (name === 'RequestMission') continue;
      spec.given([]).when(cmd).thenThrows('MISSION_NOT_FOUND', { missionId: 'mission-1' });
    }
  });
});

describe('Mission authorization', () => {
  type Build = (meta: CommandMeta) => MissionCommand;
  const partyCommands: Array<[string, Build, MissionStatus, string]> = [
    ['AcceptMission', (m) => command.accept(m), 'pending', times.now],
    ['RefuseMission', (m) => command.refuse(m), 'pending', times.now],
    ['ChangeMissionRequest', (m) => command.change(m), 'pending', times.now],
    ['ProposeMissionChange', (m) => command.propose(m), 'confirmed', times.now],
    ['AcceptMissionChange', (m) => command.acceptChange(m), 'confirmed', times.now],
    ['WithdrawMissionChange', (m) => command.withdrawChange(m), 'confirmed', times.now],
    ['PostMissionMessage', (m) => command.post(m), 'confirmed', times.now],
    ['CancelMission', (m) => command.cancel(m), 'confirmed', times.now],
    ['ValidateMission', (m) => command.validate(m), 'confirmed', times.afterStart],
    ['ReportMissionProblem', (m) => command.report(m), 'confirmed', times.afterStart],
    ['AppreciateMission', (m) => command.appreciate(m), 'validated', times.afterStart],
    ['RecommendMission', (m) => command.recommend(m), 'validated', times.afterStart],
  ];

  it.each(partyCommands)(
    'answers %s from someone outside the mission with 404 MISSION_NOT_PARTY',
    (_name, build, status, now) => {
      spec
        .given(history[status])
        .when(build(as.outsider(now)))
        .thenThrows('MISSION_NOT_PARTY');
    },
  );

  it.each(partyCommands)(
    'answers %s from staff who are not a party with 404 MISSION_NOT_PARTY',
    (_name, build, status, now) => {
      spec
        .given(history[status])
        .when(build(as.admin(now)))
        .thenThrows('MISSION_NOT_PARTY');
    },
  );

  it('tells a candidate who refused, or one left out by a change, that the mission does not exist', () => {
    spec
      .given([...history.pending, refusedBy('provider-2')])
      .when(command.post(as.provider2()))
      .thenThrows('MISSION_NOT_PARTY');
    spec
      .given([...history.pending, ...changedWithout('provider-2')])
      .when(command.accept(as.provider2()))
      .thenThrows('MISSION_NOT_PARTY');
    spec
      .given(history.confirmed)
      .when(command.post(as.provider2()))
      .thenThrows('MISSION_NOT_PARTY');
  });

  it.each<[string, MissionCommand, MissionStatus]>([
    ['ChangeMissionRequest', command.change(as.provider()), 'pending'],
    ['ProposeMissionChange', command.propose(as.provider()), 'confirmed'],
    ['WithdrawMissionChange', command.withdrawChange(as.provider()), 'confirmed'],
    [
      'CancelMission as the client',
      command.cancel(as.provider(), { cancelledBy: 'client' }),
      'confirmed',
    ],
    ['ValidateMission', command.validate(as.provider(times.afterStart)), 'confirmed'],
    ['AppreciateMission', command.appreciate(as.provider(times.afterStart)), 'validated'],
    ['RecommendMission', command.recommend(as.provider(times.afterStart)), 'validated'],
  ])(
    'refuses the client-only %s to the provider with 403 MISSION_ONLY_CLIENT',
    (_n, cmd, status) => {
      spec
        .given(history[status])
        .when(cmd)
        .thenThrows('MISSION_ONLY_CLIENT', { currentStatus: status });
    },
  );

  it.each<[string, MissionCommand, MissionStatus]>([
    ['AcceptMissionChange', command.acceptChange(as.client()), 'confirmed'],
    ['RefuseMissionChange', command.refuseChange(as.client()), 'confirmed'],
    [
      'CancelMission as the provider',
      command.cancel(as.client(), { cancelledBy: 'provider' }),
      'confirmed',
    ],
  ])(
    'refuses the provider-only %s to the client with 403 MISSION_ONLY_PROVIDER',
    (_n, cmd, status) => {
      spec.given(history[status]).when(cmd).thenThrows('MISSION_ONLY_PROVIDER');
    },
  );

  it.each<[string, MissionCommand, MissionStatus]>([
    ['RecordMissionAuthorisation', command.authorise(as.client()), 'pending'],
    ['RecordMissionAuthorisationFailure', command.authorisationFailure(as.admin()), 'pending'],
    ['ExpireMission', command.expire(as.client(times.afterRespondBy)), 'pending'],
    [
      'ValidateMission by the system',
      command.validate(as.client(times.afterAutoValidate), { validatedBy: 'system' }),
      'confirmed',
    ],
    [
      'CancelMission by the system',
      command.cancel(as.client(), { cancelledBy: 'system' }),
      'confirmed',
    ],
  ])('refuses the system-only %s with 403 MISSION_ONLY_SYSTEM', (_n, cmd, status) => {
    spec.given(history[status]).when(cmd).thenThrows('MISSION_ONLY_SYSTEM');
  });

  it.each<[string, MissionCommand]>([
    ['the client', command.closeDispute(as.client())],
    ['the provider', command.closeDispute(as.provider())],
    ['finance staff', command.closeDispute(as.finance())],
  ])('refuses CloseMissionDispute to %s with 403 MISSION_ONLY_DISPUTE_HANDLER', (_n, cmd) => {
    spec.given(history.disputed).when(cmd).thenThrows('MISSION_ONLY_DISPUTE_HANDLER');
  });

  it('lets a mediator close a dispute', () => {
    spec
      .given(history.disputed)
      .when(command.closeDispute(as.mediator()))
      .thenMatches((events) => expect(events.map((e) => e.type)).toEqual(['MissionDisputeClosed']));
  });

  it('refuses a command that names someone else than the caller with 403 MISSION_ACTOR_MISMATCH', () => {
    spec
      .given(history.pending)
      .when(command.accept(as.provider2(), { providerId: 'provider-1' }))
      .thenThrows('MISSION_ACTOR_MISMATCH', { field: 'providerId' });
    spec
      .given(history.confirmed)
      .when(command.post(as.provider(), { authorId: 'client-1' }))
      .thenThrows('MISSION_ACTOR_MISMATCH');
  });
});
