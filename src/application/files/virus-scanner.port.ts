export type ScanResult = { infected: false } | { infected: true; signature: string };

/** Checks uploaded bytes before they are stored; an infected file is refused (422 FILE_INFECTED). */
export abstract class VirusScanner {
  abstract scan(bytes: Buffer): Promise<ScanResult>;
}
