import type { RouteDoc } from '../openapi/route-doc';

const uploadedMedia = {
  type: 'object',
  required: ['id', 'url', 'thumbUrl', 'width', 'height'],
  properties: {
    id: { type: 'string', description: 'media id (24 hex characters), what a case lists in photos' },
    url: { type: 'string', description: '/api/media/{id}: the JPEG, long edge ≤ 2048 px' },
    thumbUrl: { type: 'string', description: '/api/media/{id}/thumb: long edge ≤ 480 px' },
    width: { type: 'integer' },
    height: { type: 'integer' },
  },
};

const signedPhoto = {
  type: 'object',
  required: ['id', 'url', 'thumbUrl', 'expiresAt'],
  properties: {
    id: { type: 'string', description: 'media id' },
    url: { type: 'string', description: '/api/media/{id}?exp=&sig=: loads without a token until expiresAt' },
    thumbUrl: { type: 'string', description: '/api/media/{id}/thumb?exp=&sig=' },
    expiresAt: { type: 'string', format: 'date-time' },
  },
};

const jpeg = { type: 'string', format: 'binary', description: 'image/jpeg bytes (not JSON), with ETag and Cache-Control: private, immutable' };

/** What every route that shows one photo shares: who may see it, and the 404 for anyone else. */
const viewing = {
  tag: 'media',
  params: { id: 'media id' },
  errors: ['UNAUTHENTICATED', 'MEDIA_NOT_FOUND'],
  access: 'the uploader; once attached to a case, whoever may see that case',
  allow: { who: 'signed-in', of: ['owner', 'station', 'city'] },
} satisfies Partial<RouteDoc>;

export const MEDIA_ROUTES: RouteDoc[] = [
  {
    method: 'post',
    path: '/api/media',
    summary:
      'Upload one photo as multipart/form-data, field `file`: JPEG, PNG or WebP (decided by its bytes), ≤ 10 MB, ≤ 50 megapixels. ' +
      'Stored re-encoded as JPEG without EXIF/GPS. 201 when new; 200 with the same id when the same bytes were uploaded before',
    tag: 'media',
    response: uploadedMedia,
    errors: [
      'UNAUTHENTICATED',
      'FORBIDDEN',
      'VALIDATION_FAILED',
      'MEDIA_TOO_LARGE',
      'MEDIA_TYPE_UNSUPPORTED',
      'MEDIA_TOO_MANY_PIXELS',
      'MEDIA_UNREADABLE',
    ],
    access: 'signed-in users (media.upload)',
    allow: { who: 'signed-in' },
  },
  {
    method: 'get',
    path: '/api/media/{id}',
    summary: 'The stored photo (image/jpeg); 304 for a matching If-None-Match',
    ...viewing,
    response: jpeg,
  },
  {
    method: 'get',
    path: '/api/media/{id}/urls',
    summary:
      'Fresh signed URLs of a photo (valid ≤ 1 h), for a client whose kept URLs may have expired: a 随手拍 draft restored after the app restarted',
    ...viewing,
    response: signedPhoto,
  },
  {
    method: 'get',
    path: '/api/media/{id}/thumb',
    summary: 'The thumbnail (image/jpeg, long edge ≤ 480 px)',
    ...viewing,
    response: jpeg,
  },
];
