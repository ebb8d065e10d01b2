import { Inject, Injectable } from '@nestjs/common';
import { createHmac, timingSafeEqual } from 'node:crypto';
import { Clock } from '../shared/clock';
import { linkExpired, linkInvalid } from './file.errors';
import { FILE_SETTINGS, FileSettings } from './file-settings';

export interface SignedLink {
  url: string;
  expiresAt: string;
}

/** Short-lived download links: an HMAC over the file id and the expiry, checked without a session. */
@Injectable()
export class FileLinks {
  constructor(
    @Inject(FILE_SETTINGS) private readonly settings: FileSettings,
    private readonly clock: Clock,
  ) {}

  sign(fileId: string): SignedLink {
    const expires = Math.floor(this.clock.now().getTime() / 1000) + this.settings.linkTtlSeconds;
    const signature = this.signature(fileId, expires);
    return {
      url: `/files/${fileId}/content?expires=${expires}&signature=${signature}`,
      expiresAt: new Date(expires * 1000).toISOString(),
    };
  }

  /** Throws FILE_LINK_INVALID for a tampered link, FILE_LINK_EXPIRED for an authentic but old one. */
  verify(fileId: string, expires: string | undefined, signature: string | undefined): void {
    if (!expires || !/^\d{1,12}$/.test(expires) || !signature) throw linkInvalid();
    const expected = Buffer.from(this.signature(fileId, Number(expires)));
    const given = Buffer.from(signature);
    if (given.length !== expected.length || !timingSafeEqual(given, expected)) throw linkInvalid();
    if (this.clock.now().getTime() > Number(expires) * 1000) throw linkExpired();
  }

  private signature(fileId: string, expires: number): string {
    return createHmac('sha256', this.settings.linkSecret)
      .update(`${fileId}:${expires}`)
      .digest('base64url');
  }
}
