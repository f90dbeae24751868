import { Persona } from './engine.types';
import {
  agendaChangeHandoff,
  askToTypeInsteadOfVoice,
  bookingHandoff,
  dailyCapReached,
  fallbackError,
  humanHandoff,
  optInConfirmation,
  optOutConfirmation,
  urgentSafety,
} from './templates';

const friendly: Persona = { botName: 'Clara', tone: 'friendly', greeting: null, disclaimers: [] };
const formal: Persona = { ...friendly, tone: 'formal' };
const EMOJI = /\p{Extended_Pictographic}/u;

describe('templates', () => {
  it('should tell an urgent patient to call SAMU 192 or go to an emergency room, in both tones', () => {
    for (const persona of [friendly, formal, undefined]) {
      const text = urgentSafety(persona);
      expect(text).toContain('SAMU 192');
      expect(text).toMatch(/pronto-socorro/);
    }
  });

  it('should say when the secretary will answer a booking, without offering a slot', () => {
    const text = bookingHandoff('amanhã a partir das 8h', friendly);
    expect(text).toContain('secretária');
    expect(text).toContain('amanhã a partir das 8h');
    expect(bookingHandoff('  ', formal)).toContain('assim que possível');
    expect(agendaChangeHandoff('ainda hoje, até as 18h')).toContain('ainda hoje, até as 18h');
  });

  it('should tell an opted-out patient how to come back', () => {
    expect(optOutConfirmation(friendly)).toContain('VOLTAR');
    expect(optOutConfirmation(formal)).toContain('VOLTAR');
    expect(optInConfirmation(friendly)).toMatch(/voltou a receber/);
  });

  it('should apologise on errors and hand over to a person', () => {
    expect(fallbackError()).toMatch(/^Desculpe, tive um problema/);
    expect(humanHandoff(friendly)).toMatch(/pessoa da nossa equipe/);
    expect(dailyCapReached(friendly)).toMatch(/pessoa da nossa equipe/);
    expect(askToTypeInsteadOfVoice(friendly)).toMatch(/por escrito/);
  });

  it('should never use emoji in the formal tone', () => {
    const all = [
      bookingHandoff('amanhã', formal),
      agendaChangeHandoff('amanhã', formal),
      urgentSafety(formal),
      humanHandoff(formal),
      optOutConfirmation(formal),
      optInConfirmation(formal),
      fallbackError(formal),
      askToTypeInsteadOfVoice(formal),
      dailyCapReached(formal),
    ];
    for (const text of all) expect(text).not.toMatch(EMOJI);
  });
});
