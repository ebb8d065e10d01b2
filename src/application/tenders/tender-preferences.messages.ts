import { tenderPrefsStream, type TenderPreferencesCommand } from '../../domain/tenders';
import { AggregateCommandMessage } from '../shared/aggregate-command';

/**
 * Published contract: send a TenderPreferencesCommand to the `tender_prefs-<providerId>` stream
 * through the CommandBus. A `HideProject` or `ShowProjectAgain` may leave `project` out: the
 * handler folds the project's stream on the state it decides on.
 */
export class TenderPreferencesCommandMessage extends AggregateCommandMessage<TenderPreferencesCommand> {}

export const tenderPreferencesStream = tenderPrefsStream;
