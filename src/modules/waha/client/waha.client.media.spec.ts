import { Logger } from '@nestjs/common';
import { WahaClient } from 'src/modules/waha/client/waha.client';
import { WahaClientError, WahaMediaTooLargeError } from 'src/modules/waha/client/waha.errors';
import { FakeWaha } from 'test/support/fake-waha.server';
import { useFakeWaha } from 'test/support/fake-waha/waha-client.factory';

const API_KEY = 'media-key';
const FILE_PATH = '/api/files/default/false_5511987654321@c.us_B52D8E1F4A7C0D3E6F9A2B5C8D1E4F70.jpeg';
// What WAHA puts in media.url with WAHA_BASE_URL=http://waha:3000: a host we must not trust.
const WAHA_MEDIA_URL = `http://waha:3000${FILE_PATH}`;

describe(`${WahaClient.name} downloadMedia`, () => {
  const context = useFakeWaha({ apiKey: API_KEY });
  let fake: FakeWaha;
  let sut: WahaClient;

  beforeAll(() => Logger.overrideLogger(false));
  beforeEach(() => {
    ({ fake, client: sut } = context);
  });

  it('should fetch the path and query from the configured WAHA with the api key, whatever host the URL names', async () => {
    const jpeg = Buffer.from('ffd8ffe000104a464946', 'hex');
    fake.addMedia(FILE_PATH, jpeg, 'image/jpeg');

    const media = await sut.downloadMedia(`${WAHA_MEDIA_URL}?v=1`, { maxBytes: 1024 });

    expect(media.data.equals(jpeg)).toBe(true);
    expect(media.mimetype).toBe('image/jpeg');
    const [request] = fake.requestsTo('/api/files/');
    expect(request).toMatchObject({ path: FILE_PATH, query: { v: '1' } });
    expect(request.headers['x-api-key']).toBe(API_KEY);
  });

  it('should keep the full mimetype of voice notes', async () => {
    fake.addMedia('/api/files/default/voice.oga', Buffer.from('OggS'), 'audio/ogg; codecs=opus');
    const media = await sut.downloadMedia('http://localhost:3000/api/files/default/voice.oga', { maxBytes: 1024 });
    expect(media.mimetype).toBe('audio/ogg; codecs=opus');
  });

  it('should accept a file of exactly maxBytes', async () => {
    fake.addMedia(FILE_PATH, Buffer.alloc(2048, 1), 'image/jpeg', { chunked: true });
    expect((await sut.downloadMedia(WAHA_MEDIA_URL, { maxBytes: 2048 })).data).toHaveLength(2048);
  });

  it('should refuse from Content-Length when the file is larger than maxBytes', async () => {
    fake.addMedia(FILE_PATH, Buffer.alloc(4096), 'image/jpeg');
    const error = await sut.downloadMedia(WAHA_MEDIA_URL, { maxBytes: 1000 }).catch((e: unknown) => e);
    expect(error).toBeInstanceOf(WahaMediaTooLargeError);
    expect(error).toMatchObject({ kind: 'media-too-large', retryable: false, maxBytes: 1000 });
  });

  it('should stop reading a streamed body without Content-Length once it passes maxBytes', async () => {
    fake.addMedia(FILE_PATH, Buffer.alloc(64 * 1024), 'video/mp4', { chunked: true });
    await expect(sut.downloadMedia(WAHA_MEDIA_URL, { maxBytes: 3000 })).rejects.toBeInstanceOf(WahaMediaTooLargeError);
    await expect(sut.ping()).resolves.toBeUndefined();
  });

  it('should throw a 404 WahaClientError when the file expired', async () => {
    const error = await sut.downloadMedia(WAHA_MEDIA_URL, { maxBytes: 1024 }).catch((e: unknown) => e);
    expect(error).toBeInstanceOf(WahaClientError);
    expect(error).toMatchObject({ status: 404, wahaMessage: 'FILE_NOT_FOUND', retryable: false });
  });

  it.each(['not a url', '/api/files/default/x.jpeg', 'file:///etc/passwd'])('should reject %p without any request', async (url) => {
    const error = await sut.downloadMedia(url, { maxBytes: 1024 }).catch((e: unknown) => e);
    expect(error).toBeInstanceOf(WahaClientError);
    expect(error).toMatchObject({ retryable: false, operation: 'downloadMedia' });
    expect(fake.requests).toEqual([]);
  });
});
