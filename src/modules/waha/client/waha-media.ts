import { WahaHttp } from 'src/modules/waha/client/waha-http';
import { WahaClientError, WahaMediaTooLargeError } from 'src/modules/waha/client/waha.errors';
import { WahaCallOptions, WahaDownloadedMedia } from 'src/modules/waha/client/waha.types';

const OPERATION = 'downloadMedia';

/**
 * Fetches the path and query of `mediaUrl` from the configured WAHA (see WahaClient.downloadMedia) and
 * stops reading as soon as more than `maxBytes` arrived, so a huge file never sits in memory whole.
 */
export async function downloadMediaFrom(http: WahaHttp, mediaUrl: string, options: { maxBytes: number } & WahaCallOptions): Promise<WahaDownloadedMedia> {
  const target = parseMediaUrl(mediaUrl);
  return http.exchange(
    { operation: OPERATION, method: 'GET', path: target.pathname, accept: '*/*', timeoutMs: options.timeoutMs },
    (response) => readCapped(response, options.maxBytes),
    http.urlFor(target.pathname, target.search),
  );
}

function parseMediaUrl(mediaUrl: string): URL {
  let url: URL;
  try {
    url = new URL(mediaUrl);
  } catch {
    throw invalidUrl();
  }
  if (url.protocol !== 'http:' && url.protocol !== 'https:') throw invalidUrl();
  return url;
}

// The URL itself stays out of the message: WAHA names files after the message id, which embeds the phone.
function invalidUrl(): WahaClientError {
  return new WahaClientError({ operation: OPERATION }, `WAHA ${OPERATION}: the media URL is not an absolute http(s) URL`);
}

async function readCapped(response: Response, maxBytes: number): Promise<WahaDownloadedMedia> {
  const mimetype = response.headers.get('content-type')?.trim() || null;
  const declared = response.headers.get('content-length');
  if (declared !== null && Number(declared) > maxBytes) {
    await response.body?.cancel().catch(() => undefined);
    throw tooLarge(maxBytes);
  }
  const reader = response.body?.getReader();
  if (!reader) return { data: Buffer.alloc(0), mimetype };
  const chunks: Buffer[] = [];
  let received = 0;
  for (;;) {
    const { done, value } = await reader.read();
    if (done) break;
    received += value.byteLength;
    if (received > maxBytes) {
      void reader.cancel().catch(() => undefined);
      throw tooLarge(maxBytes);
    }
    chunks.push(Buffer.from(value));
  }
  return { data: Buffer.concat(chunks), mimetype };
}

function tooLarge(maxBytes: number): WahaMediaTooLargeError {
  return new WahaMediaTooLargeError({ operation: OPERATION }, maxBytes);
}
