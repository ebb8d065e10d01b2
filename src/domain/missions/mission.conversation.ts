import { PostMissionMessage } from './mission.commands';
import { MissionErrorCode as Code, invalid, refused } from './mission.errors';
import { MissionEvent } from './mission.events';
import {
  MISSION_MESSAGE_MAX_LENGTH,
  actingAs,
  existing,
  fileRefs,
  partyOf,
  requiredId,
} from './mission.guards';
import { MissionState } from './mission.state';

/**
 * Messages inside the mission (seed 000). Who writes: the client and the confirmed provider; while
 * the request is pending, also each candidate who has not refused (to ask before accepting).
 * When: in every status but a cancelled or expired mission; after validation and after a decided
 * dispute the conversation stays open (an invoice question, a follow-up).
 */
export function postMessage(
  { data, meta }: PostMissionMessage,
  state: MissionState,
): MissionEvent[] {
  const mission = existing(state, data.missionId);
  actingAs(meta, data.authorId, 'authorId');
  partyOf(mission, meta.actorId);
  if (mission.status === 'cancelled' || mission.status === 'expired')
    throw refused(Code.TERMINAL, mission);
  const messageId = requiredId(data.messageId, 'messageId');
  const text = typeof data.text === 'string' ? data.text.trim() : '';
  if (text.length === 0) throw invalid(Code.MESSAGE_EMPTY, 'text');
  if (text.length > MISSION_MESSAGE_MAX_LENGTH)
    throw invalid(Code.MESSAGE_TOO_LONG, 'text', { maxLength: MISSION_MESSAGE_MAX_LENGTH });
  return [
    {
      type: 'MissionMessagePosted',
      data: {
        missionId: mission.missionId,
        messageId,
        authorId: meta.actorId,
        text,
        fileRefs: fileRefs(data.fileRefs),
        postedAt: meta.now,
      },
    },
  ];
}
