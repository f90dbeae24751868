import { extractSentMessageId, jidToChatId } from 'src/modules/waha/client/waha-send-id';

describe(extractSentMessageId.name, () => {
  it('should read WEBJS id._serialized', () => {
    const webjs = {
      _data: { id: { _serialized: 'true_5511987654321@c.us_3EB0B5A1C2D3E4F5A6B7' } },
      id: { fromMe: true, remote: '5511987654321@c.us', id: '3EB0B5A1C2D3E4F5A6B7', _serialized: 'true_5511987654321@c.us_3EB0B5A1C2D3E4F5A6B7' },
      ack: 0,
    };
    expect(extractSentMessageId(webjs)).toBe('true_5511987654321@c.us_3EB0B5A1C2D3E4F5A6B7');
  });

  it('should take a GOWS string id', () => {
    expect(extractSentMessageId({ id: 'true_5511987654321@c.us_3EB0AA', _data: {} })).toBe('true_5511987654321@c.us_3EB0AA');
  });

  it('should build a NOWEB id, dropping the device suffix of the jid', () => {
    const noweb = { key: { remoteJid: '5511987654321:12@s.whatsapp.net', fromMe: true, id: '3EB0AA' }, status: 'PENDING' };
    expect(extractSentMessageId(noweb)).toBe('true_5511987654321@c.us_3EB0AA');
  });

  it('should keep @lid and add the participant for NOWEB groups', () => {
    expect(extractSentMessageId({ key: { remoteJid: '204815162342108@lid', fromMe: true, id: 'K1' } })).toBe('true_204815162342108@lid_K1');
    const group = { key: { remoteJid: '120363025@g.us', fromMe: true, id: 'K2', participant: '551132104567@s.whatsapp.net' } };
    expect(extractSentMessageId(group)).toBe('true_120363025@g.us_K2_551132104567@c.us');
  });

  it('should fall back to WEBJS _data.id when the top-level id is missing', () => {
    expect(extractSentMessageId({ _data: { id: { _serialized: 'true_a@c.us_K' } } })).toBe('true_a@c.us_K');
  });

  it.each([null, undefined, '', 'OK', [], {}, { id: '' }, { id: {} }, { key: { id: 'K' } }])('should return null for %p', (body) => {
    expect(extractSentMessageId(body)).toBeNull();
  });
});

describe(jidToChatId.name, () => {
  it.each([
    ['5511987654321@s.whatsapp.net', '5511987654321@c.us'],
    ['5511987654321:7@s.whatsapp.net', '5511987654321@c.us'],
    ['5511987654321@c.us', '5511987654321@c.us'],
    ['120363025@g.us', '120363025@g.us'],
  ])('should turn %s into %s', (jid, chatId) => {
    expect(jidToChatId(jid)).toBe(chatId);
  });
});
