/** What the missions context takes from configuration (docs/missions.md, "Settings"). */
export interface MissionSettings {
  /** Basis points of the accepted price (1 500 = 15 %). */
  commissionBp: number;
  /** How long providers have to answer a request; never past its start. */
  responseHours: number;
  /** How long a card authorisation is relied on before it must be renewed. */
  authorisationWindowHours: number;
  /** After the mission's end, without validation or reported problem, it is validated automatically. */
  autoValidateHours: number;
  lateCancelWindowHours: number;
  lateCancelFeeBp: number;
  /** How many ranked providers a dispatched request goes to. */
  dispatchLimit: number;
}

export const MISSION_SETTINGS = Symbol('MISSION_SETTINGS');
