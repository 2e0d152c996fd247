import { isApiError, media } from '../../api';
import { awaitingServerPreview, photoSteps, type DraftPhoto, type SetPhotos } from './photos';

/**
 * Previews for uploads whose picked file is gone (a draft restored after a restart): the
 * server's thumbnail, signed afresh. An upload the server no longer has fails as expired, to
 * be replaced. Any other failure leaves the photo as it is: it is uploaded and will be sent,
 * and its cell says 已上传 without a picture.
 */
export async function loadServerPreviews(list: readonly DraftPhoto[], setPhotos: SetPhotos): Promise<void> {
  await Promise.all(
    awaitingServerPreview(list).map(async ({ key, mediaId }) => {
      try {
        const signed = await media.signedUrls(mediaId);
        setPhotos((current) => photoSteps.serverPreview(current, key, signed.thumbUrl));
      } catch (error) {
        if (isApiError(error) && error.code === 'MEDIA_NOT_FOUND') setPhotos((current) => photoSteps.goneFromServer(current, key));
      }
    }),
  );
}
