export interface FileSettings {
  linkSecret: string;
  linkTtlSeconds: number;
}

export const FILE_SETTINGS = Symbol('FILE_SETTINGS');
