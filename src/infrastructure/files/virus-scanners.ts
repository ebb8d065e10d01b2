import { ScanResult, VirusScanner } from '../../application/files/virus-scanner.port';

/** VIRUS_SCANNER=none: no scanner is installed and every file is accepted; plug a real one (ClamAV) behind the port. */
export class AcceptAllVirusScanner extends VirusScanner {
  async scan(): Promise<ScanResult> {
    return { infected: false };
  }
}

/** The standard anti-virus test file's signature (EICAR), harmless by design. */
const EICAR = 'X5O!P%@AP[4\\PZX54(P^)7CC)7}$EICAR-STANDARD-ANTIVIRUS-TEST-FILE!$H+H*';

/** VIRUS_SCANNER=eicar: flags any file holding the EICAR test string, as real scanners do; for tests and demos. */
export class EicarVirusScanner extends VirusScanner {
  async scan(bytes: Buffer): Promise<ScanResult> {
    return bytes.includes(EICAR)
      ? { infected: true, signature: 'EICAR-Test-File' }
      : { infected: false };
  }
}
