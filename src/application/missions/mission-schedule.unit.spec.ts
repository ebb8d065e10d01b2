import { missionSchedule } from './mission-schedule';

const SETTINGS = { responseHours: 24, authorisationWindowHours: 144, autoValidateHours: 48 };
const NOW = '2026-03-02T10:00:00.000Z';
const at = (hoursFromNow: number) =>
  new Date(Date.parse(NOW) + hoursFromNow * 3_600_000).toISOString();

describe('the schedule of a mission request', () => {
  it('authorises at once a mission whose auto-validation falls within the authorisation lifetime', () => {
    // Starts in 3 days for 2 hours: auto-validation 3 d + 2 h + 48 h = 122 h away, within 144 h.
    expect(missionSchedule({ startsAt: at(72), durationMinutes: 120 }, NOW, SETTINGS)).toEqual({
      paymentPlan: 'authorise_now',
      authoriseAt: NOW,
      respondBy: at(24),
      autoValidateAt: at(122),
    });
  });

  it('authorises at once when auto-validation is exactly one lifetime away', () => {
    const schedule = missionSchedule({ startsAt: at(94), durationMinutes: 120 }, NOW, SETTINGS);
    expect(schedule).toMatchObject({ paymentPlan: 'authorise_now', autoValidateAt: at(144) });
  });

  it('saves the card for a mission further out and authorises one lifetime before auto-validation', () => {
    // Starts in 10 days for 3 hours: auto-validation at 240 + 3 + 48 = 291 h; authorise at 291 − 144.
    expect(missionSchedule({ startsAt: at(240), durationMinutes: 180 }, NOW, SETTINGS)).toEqual({
      paymentPlan: 'authorise_later',
      authoriseAt: at(147),
      respondBy: at(24),
      autoValidateAt: at(291),
    });
  });

  it('never authorises later than the start, even when the lifetime is shorter than the mission and its validation delay', () => {
    const short = { ...SETTINGS, authorisationWindowHours: 24 };
    const schedule = missionSchedule({ startsAt: at(100), durationMinutes: 600 }, NOW, short);
    expect(schedule).toMatchObject({ paymentPlan: 'authorise_later', authoriseAt: at(100) });
  });

  it('caps the response window at the start', () => {
    const schedule = missionSchedule({ startsAt: at(5), durationMinutes: 60 }, NOW, SETTINGS);
    expect(schedule.respondBy).toBe(at(5));
  });

  it('accepts the clock as a Date', () => {
    const schedule = missionSchedule(
      { startsAt: at(30), durationMinutes: 60 },
      new Date(NOW),
      SETTINGS,
    );
    expect(schedule.authoriseAt).toBe(NOW);
  });
});
