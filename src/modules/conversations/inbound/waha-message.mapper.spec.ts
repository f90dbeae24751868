import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { MediaStatus, MessageType } from '../message.entity';
import { keyIdOf, mapWahaMessage } from './waha-message.mapper';

type Json = Record<string, unknown>;

const FIXTURES = join(__dirname, '..', '..', '..', '..', 'test', 'fixtures', 'waha');
const fixturePayload = (file: string): Json => (JSON.parse(readFileSync(join(FIXTURES, file), 'utf8')) as { payload: Json }).payload;

const PATIENT = '5511987654321@c.us';

function payload(overrides: Json = {}): Json {
  return {
    id: `false_${PATIENT}_AC3E5D7F9B1A2C4E6F8A0B2D4C6E8F01`,
    timestamp: 1784553312,
    from: PATIENT,
    fromMe: false,
    to: '551132104567@c.us',
    body: 'Oi',
    hasMedia: false,
    media: null,
    ack: 1,
    location: null,
    vCards: [],
    _data: { type: 'chat', notifyName: 'Maria Souza' },
    ...overrides,
  };
}

const media = (mimetype: string, url: string | null = 'http://waha:3000/api/files/default/x.bin') => ({ url, mimetype, filename: null });

describe('waha-message.mapper', () => {
  describe('keyIdOf', () => {
    it.each([
      [`false_${PATIENT}_AC3E5D7F9B1A2C4E6F8A0B2D4C6E8F01`, 'AC3E5D7F9B1A2C4E6F8A0B2D4C6E8F01'],
      [`true_${PATIENT}_3EB0B5A1C2D3E4F5A6B7`, '3EB0B5A1C2D3E4F5A6B7'],
      ['false_204815162342108@lid_3A0B1C2D3E4F', '3A0B1C2D3E4F'],
      ['false_120363025246125486@g.us_3EB0AA_5511987654321@c.us', '3EB0AA'],
      ['3EB0B5A1C2D3E4F5A6B7', '3EB0B5A1C2D3E4F5A6B7'],
      // Not a serialized id (first part is neither true nor false): kept whole.
      ['maybe_5511@c.us_3EB0', 'maybe_5511@c.us_3EB0'],
      ['true_only', 'true_only'],
    ])('should map %s to %s', (id, expected) => {
      expect(keyIdOf(id)).toBe(expected);
    });
  });

  describe('mapWahaMessage', () => {
    it('should map the text fixture', () => {
      const mapped = mapWahaMessage(fixturePayload('message-text.json'));
      expect(mapped).toEqual({
        wahaMessageId: `false_${PATIENT}_AC3E5D7F9B1A2C4E6F8A0B2D4C6E8F01`,
        wahaKeyId: 'AC3E5D7F9B1A2C4E6F8A0B2D4C6E8F01',
        type: MessageType.Text,
        body: expect.stringMatching(/^Boa tarde! Gostaria de marcar/),
        occurredAt: new Date(1784553312 * 1000),
        ack: 1,
        replyToWahaId: null,
        location: null,
        vcards: null,
        media: null,
        pushName: 'Maria Souza',
      });
    });

    it('should map the image fixture as an image whose media is pending download', () => {
      const mapped = mapWahaMessage(fixturePayload('message-image.json'));
      expect(mapped.type).toBe(MessageType.Image);
      expect(mapped.body).toBe('Segue a foto do pedido médico 📄');
      expect(mapped.media).toEqual({
        status: MediaStatus.Pending,
        mimetype: 'image/jpeg',
        filename: null,
        sourceUrl: `http://waha:3000/api/files/default/false_${PATIENT}_B52D8E1F4A7C0D3E6F9A2B5C8D1E4F70.jpeg`,
        error: null,
      });
    });

    it('should map the voice fixture as a voice note with an empty body', () => {
      const mapped = mapWahaMessage(fixturePayload('message-voice.json'));
      expect(mapped.type).toBe(MessageType.Voice);
      expect(mapped.body).toBeNull();
      expect(mapped.media).toMatchObject({ status: MediaStatus.Pending, mimetype: 'audio/ogg; codecs=opus' });
    });

    it('should map the location fixture to coordinates and never keep the base64 thumbnail body', () => {
      const mapped = mapWahaMessage(fixturePayload('message-location.json'));
      expect(mapped.type).toBe(MessageType.Location);
      expect(mapped.location).toEqual({
        latitude: -23.5574,
        longitude: -46.6606,
        name: 'Metrô Consolação',
        address: 'Av. Paulista, 2163 - Consolação, São Paulo - SP, 01311-300',
      });
      expect(mapped.body).toBe('Metrô Consolação');
      expect(mapped.body).not.toMatch(/^\/9j\//);
    });

    it('should map our own message from the clinic phone (message.any fixture)', () => {
      const mapped = mapWahaMessage(fixturePayload('message-any-fromme.json'));
      expect(mapped).toMatchObject({ wahaKeyId: '3AF4C9D2E7B1A6F3C8D5', type: MessageType.Text, ack: 1, pushName: null });
    });

    describe('location', () => {
      it('should take string coordinates (NOWEB, GOWS) as numbers', () => {
        const mapped = mapWahaMessage(payload({ location: { latitude: '-23.5574', longitude: '-46.6606' }, body: '/9j/AAAA' }));
        expect(mapped.location).toEqual({ latitude: -23.5574, longitude: -46.6606, name: null, address: null });
        expect(mapped.type).toBe(MessageType.Location);
      });

      it('should use the address as body when the place has no name, and null when it has neither', () => {
        expect(mapWahaMessage(payload({ location: { latitude: 1, longitude: 2, address: 'Rua A, 1' }, body: '/9j/AAAA' })).body).toBe('Rua A, 1');
        expect(mapWahaMessage(payload({ location: { latitude: 1, longitude: 2 }, body: '/9j/AAAA' })).body).toBeNull();
      });

      it.each([
        ['latitude above 90', { latitude: 91, longitude: 0 }],
        ['longitude below -180', { latitude: 0, longitude: -181 }],
        ['non-numeric coordinates', { latitude: 'north', longitude: 'west' }],
        ['missing coordinates', { name: 'Somewhere' }],
      ])('should drop a location with %s and treat the message as text', (_case, location) => {
        const mapped = mapWahaMessage(payload({ location, body: 'texto' }));
        expect(mapped.location).toBeNull();
        expect(mapped.type).toBe(MessageType.Text);
        expect(mapped.body).toBe('texto');
      });

      it('should cut the place name to 255 and the address to 500 characters', () => {
        const mapped = mapWahaMessage(payload({ location: { latitude: 1, longitude: 2, name: 'n'.repeat(300), address: 'a'.repeat(600) } }));
        expect(mapped.location?.name).toHaveLength(255);
        expect(mapped.location?.address).toHaveLength(500);
      });
    });

    describe('vCards', () => {
      const card = 'BEGIN:VCARD\nVERSION:3.0\nFN:Dra. Paula\nTEL;type=CELL:+55 11 98888-7777\nEND:VCARD';

      it('should map a contact card and keep its vCards', () => {
        const mapped = mapWahaMessage(payload({ vCards: [card], body: card, _data: { type: 'vcard' } }));
        expect(mapped.type).toBe(MessageType.ContactCard);
        expect(mapped.vcards).toEqual([card]);
      });

      it('should keep only string vCards and cut each to 10000 characters', () => {
        const mapped = mapWahaMessage(payload({ vCards: [card, 42, null, 'x'.repeat(12_000)] }));
        expect(mapped.vcards).toEqual([card, 'x'.repeat(10_000)]);
      });

      it('should treat a multi_vcard with an empty vCards list as a contact card without cards', () => {
        const mapped = mapWahaMessage(payload({ vCards: [], _data: { type: 'multi_vcard' } }));
        expect(mapped.type).toBe(MessageType.ContactCard);
        expect(mapped.vcards).toBeNull();
      });

      it('should store no vCards when the list is empty or absent', () => {
        expect(mapWahaMessage(payload({ vCards: [] })).vcards).toBeNull();
        expect(mapWahaMessage(payload({ vCards: undefined })).vcards).toBeNull();
      });
    });

    describe('types', () => {
      it.each([
        ['image/jpeg', 'image', MessageType.Image],
        ['image/webp', 'sticker', MessageType.Sticker],
        ['audio/ogg; codecs=opus', 'ptt', MessageType.Voice],
        ['audio/mpeg', 'ptt', MessageType.Voice],
        ['audio/ogg; codecs=opus', 'audio', MessageType.Voice],
        ['audio/mpeg', 'audio', MessageType.Audio],
        ['video/mp4', 'video', MessageType.Video],
        ['application/pdf', 'document', MessageType.Document],
        ['application/octet-stream', null, MessageType.Document],
        ['IMAGE/PNG', null, MessageType.Image],
      ])('should map media %s with engine type %s to %s', (mimetype, engineType, expected) => {
        const mapped = mapWahaMessage(payload({ hasMedia: true, media: media(mimetype), _data: engineType ? { type: engineType } : {} }));
        expect(mapped.type).toBe(expected);
      });

      it('should be text when hasMedia is false, whatever the engine type', () => {
        expect(mapWahaMessage(payload({ hasMedia: false, _data: { type: 'image' } })).type).toBe(MessageType.Text);
      });

      it('should fall back to the engine type when there is no mimetype and the type is known', () => {
        expect(mapWahaMessage(payload({ hasMedia: true, media: null, _data: { type: 'video' } })).type).toBe(MessageType.Video);
      });

      it('should be a document when nothing tells the media type', () => {
        expect(mapWahaMessage(payload({ hasMedia: true, media: null, _data: {} })).type).toBe(MessageType.Document);
      });

      it('should tolerate a missing or malformed _data', () => {
        expect(mapWahaMessage(payload({ _data: undefined })).type).toBe(MessageType.Text);
        expect(mapWahaMessage(payload({ _data: 'raw' })).pushName).toBeNull();
      });
    });

    describe('media', () => {
      it('should mark media WAHA did not download as failed with its error', () => {
        const mapped = mapWahaMessage(payload({ hasMedia: true, media: { url: null, mimetype: 'image/jpeg', error: { message: 'download failed' } } }));
        expect(mapped.media).toEqual({ status: MediaStatus.Failed, mimetype: 'image/jpeg', filename: null, sourceUrl: null, error: '{"message":"download failed"}' });
      });

      it('should mark hasMedia with media null as failed', () => {
        expect(mapWahaMessage(payload({ hasMedia: true, media: null })).media).toEqual({
          status: MediaStatus.Failed,
          mimetype: null,
          filename: null,
          sourceUrl: null,
          error: 'WAHA did not download the media',
        });
      });

      it('should keep a document filename', () => {
        const mapped = mapWahaMessage(payload({ hasMedia: true, media: { url: 'http://waha/f.pdf', mimetype: 'application/pdf', filename: 'exame.pdf' } }));
        expect(mapped.media).toMatchObject({ status: MediaStatus.Pending, filename: 'exame.pdf', sourceUrl: 'http://waha/f.pdf' });
      });

      it('should ignore media when hasMedia is not true', () => {
        expect(mapWahaMessage(payload({ hasMedia: false, media: media('image/jpeg') })).media).toBeNull();
      });
    });

    describe('text cleaning', () => {
      it('should strip NUL characters from body, push name, vCards and location fields', () => {
        const mapped = mapWahaMessage(
          payload({
            body: 'O\u0000i\u0000',
            vCards: ['BEGIN:VCARD\u0000END:VCARD'],
            _data: { type: 'vcard', notifyName: 'Ma\u0000ria' },
          }),
        );
        expect(mapped.body).toBe('Oi');
        expect(mapped.vcards).toEqual(['BEGIN:VCARDEND:VCARD']);
        expect(mapped.pushName).toBe('Maria');
        const place = mapWahaMessage(payload({ location: { latitude: 1, longitude: 2, name: 'Cl\u0000ínica', address: 'Rua\u0000 B' } }));
        expect(place.location).toMatchObject({ name: 'Clínica', address: 'Rua B' });
        expect(place.body).toBe('Clínica');
      });

      it('should store an empty or NUL-only body as null or empty, never with NUL', () => {
        expect(mapWahaMessage(payload({ body: '' })).body).toBeNull();
        expect(mapWahaMessage(payload({ body: null })).body).toBeNull();
        expect(mapWahaMessage(payload({ body: '\u0000' })).body ?? '').not.toContain('\u0000');
      });

      it('should cut the body to 65536 characters and the push name to 120', () => {
        const mapped = mapWahaMessage(payload({ body: 'b'.repeat(70_000), _data: { notifyName: 'n'.repeat(200) } }));
        expect(mapped.body).toHaveLength(65_536);
        expect(mapped.pushName).toHaveLength(120);
      });

      it('should take the NOWEB pushName when there is no notifyName', () => {
        expect(mapWahaMessage(payload({ _data: { pushName: 'José' } })).pushName).toBe('José');
      });
    });

    describe('ids, ack, time and replies', () => {
      it('should cut the serialized id to 200 and the key id to 100 characters', () => {
        const mapped = mapWahaMessage(payload({ id: `false_${PATIENT}_${'K'.repeat(250)}` }));
        expect(mapped.wahaMessageId).toHaveLength(200);
        expect(mapped.wahaKeyId).toBe('K'.repeat(100));
      });

      it('should convert the Unix seconds timestamp, fractional ones included', () => {
        expect(mapWahaMessage(payload({ timestamp: 1784553312.5 })).occurredAt).toEqual(new Date(1784553312500));
      });

      it('should keep only an integer ack', () => {
        expect(mapWahaMessage(payload({ ack: 3 })).ack).toBe(3);
        expect(mapWahaMessage(payload({ ack: 1.5 })).ack).toBeNull();
        expect(mapWahaMessage(payload({ ack: '3' })).ack).toBeNull();
        expect(mapWahaMessage(payload({ ack: undefined })).ack).toBeNull();
      });

      it('should keep the quoted message id, bare or serialized', () => {
        expect(mapWahaMessage(payload({ replyTo: { id: '3EB0B5A1C2D3E4F5A6B7', body: 'x' } })).replyToWahaId).toBe('3EB0B5A1C2D3E4F5A6B7');
        expect(mapWahaMessage(payload({ replyTo: { id: `true_${PATIENT}_3EB0B5`, body: 'x' } })).replyToWahaId).toBe(`true_${PATIENT}_3EB0B5`);
        expect(mapWahaMessage(payload({ replyTo: null })).replyToWahaId).toBeNull();
        expect(mapWahaMessage(payload({ replyTo: { body: 'no id' } })).replyToWahaId).toBeNull();
      });
    });
  });
});
