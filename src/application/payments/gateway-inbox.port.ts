export interface GatewayDelivery {
  provider: string;
  eventId: string;
  providerType: string;
}

/** A delivery already handled answers its first outcome; anything else is (again) ours to handle. */
export type InboxReceipt = { handled: true; outcome: string } | { handled: false };

/** The provider notifications received, deduplicated by the provider's event id. */
export abstract class GatewayInbox {
  abstract receive(delivery: GatewayDelivery): Promise<InboxReceipt>;
  /** Marks a delivery handled with its outcome; a later delivery of it then changes nothing. */
  abstract complete(delivery: GatewayDelivery, outcome: string): Promise<void>;
}
