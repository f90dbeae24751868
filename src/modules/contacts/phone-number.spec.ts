import { chatIdForPhone, isDirectChatId, normalizePhone, phoneFromChatId } from './phone-number';

describe('normalizePhone', () => {
  it.each([
    ['+55 11 98765-4321', '+5511987654321'],
    ['(11) 98765-4321', '+5511987654321'],
    ['11987654321', '+5511987654321'],
    ['011987654321', '+5511987654321'],
    ['5511987654321', '+5511987654321'],
    ['551187654321', '+5511987654321'], // old WhatsApp id without the ninth digit
    ['+55 11 3210-4567', '+551132104567'], // landline keeps eight digits
    ['1132104567', '+551132104567'],
    ['0055 21 99876 5432', '+5521998765432'],
    ['+1 (415) 555-2671', '+14155552671'],
    ['+351 912 345 678', '+351912345678'],
  ])('should normalise %s to %s', (input, expected) => {
    expect(normalizePhone(input)).toBe(expected);
  });

  it.each(['', 'abc', '12', '+55 00 98765-4321', '+55 11 88765-43210', '+55 11 8765-432', '+1234567890123456', 'maria@x.com'])(
    'should reject %s',
    (input) => {
      expect(normalizePhone(input)).toBeNull();
    },
  );
});

describe('phoneFromChatId', () => {
  it('should read @c.us, @s.whatsapp.net and device suffixes', () => {
    expect(phoneFromChatId('5511987654321@c.us')).toBe('+5511987654321');
    expect(phoneFromChatId('551187654321@c.us')).toBe('+5511987654321');
    expect(phoneFromChatId('5511987654321:12@s.whatsapp.net')).toBe('+5511987654321');
  });

  it('should give null for linked ids, groups and broadcasts', () => {
    expect(phoneFromChatId('204815162342108@lid')).toBeNull();
    expect(phoneFromChatId('120363025555555555@g.us')).toBeNull();
    expect(phoneFromChatId('status@broadcast')).toBeNull();
  });
});

describe('isDirectChatId', () => {
  it.each([
    ['5511987654321@c.us', true],
    ['204815162342108@lid', true],
    ['120363025555555555@g.us', false],
    ['status@broadcast', false],
    ['120363111111111111@newsletter', false],
  ])('%s → %s', (chatId, expected) => {
    expect(isDirectChatId(chatId)).toBe(expected);
  });
});

it('chatIdForPhone should drop the plus', () => {
  expect(chatIdForPhone('+5511987654321')).toBe('5511987654321@c.us');
});
