import { ANY_ROLE, RouteRule } from './route-rule';

/** Uploads and downloads: any account uploads; reading is decided per file (uploader, attachment policies). */
export const MATRIX: RouteRule[] = [
  {
    method: 'POST',
    path: '/files',
    roles: ANY_ROLE,
    note: 'multipart; limits per purpose, checked on the bytes',
  },
  {
    method: 'GET',
    path: '/files/{fileId}',
    roles: ANY_ROLE,
    note: 'uploader and whoever the file was attached to; 404 for anyone else',
  },
  {
    method: 'GET',
    path: '/files/{fileId}/link',
    roles: ANY_ROLE,
    note: 'uploader and whoever the file was attached to; 404 for anyone else',
  },
  {
    method: 'GET',
    path: '/files/{fileId}/content',
    public: true,
    roles: [],
    note: 'the signed link is the permission (403 FILE_LINK_INVALID / FILE_LINK_EXPIRED)',
  },
];
