import { clinicHours } from '../business-hours/business-hours.fixtures';
import { formatBrl, renderClinicProfile } from './clinic-profile-text';
import { ClinicProfile } from './clinic-profile.types';

function profile(overrides: Partial<ClinicProfile> = {}): ClinicProfile {
  const businessHours = clinicHours({
    holidays: [
      { date: '2026-12-25', name: 'Natal' },
      { date: '2027-04-21', name: 'Tiradentes' },
    ],
    exceptions: [{ date: '2026-12-24', intervals: [{ start: '08:00', end: '12:00' }], reason: 'Véspera de Natal' }],
  });
  return {
    organizationId: 'org',
    name: 'Clínica Exemplo',
    address: 'Av. Paulista, 1578',
    phone: '(11) 3555-0100',
    email: null,
    timezone: businessHours.timezone,
    locale: 'pt-BR',
    businessHours,
    acceptedInsurances: ['Unimed', 'Amil'],
    services: [
      { name: 'Limpeza dental', description: 'Profilaxia com flúor.', priceCents: 18000, durationMinutes: 45 },
      { name: 'Implante', description: null, priceCents: null, durationMinutes: null },
    ],
    knowledgeVersion: 3,
    updatedAt: null,
    ...overrides,
  };
}

describe('renderClinicProfile', () => {
  it('should write the profile as Portuguese text, grouping days and listing only upcoming special dates', () => {
    expect(renderClinicProfile(profile(), new Date('2026-11-22T12:00:00Z'))).toBe(
      [
        'Clínica Exemplo',
        'Endereço: Av. Paulista, 1578',
        'Telefone: (11) 3555-0100',
        'Horário de atendimento:',
        '- segunda a sexta-feira: 8h às 12h e 13h às 19h',
        '- sábado: 8h às 12h',
        '- domingo: fechado',
        'Datas especiais:',
        '- 24/12: 8h às 12h (Véspera de Natal)',
        '- 25/12: fechado (Natal)',
        'Convênios aceitos: Unimed, Amil',
        'Serviços:',
        '- Limpeza dental (45 min, R$ 180,00): Profilaxia com flúor.',
        '- Implante (valor sob consulta)',
      ].join('\n'),
    );
  });

  it('should keep an empty profile short', () => {
    const empty = profile({ address: null, phone: null, acceptedInsurances: [], services: [], businessHours: { timezone: 'America/Sao_Paulo', weekly: [], exceptions: [], holidays: [] } });
    expect(renderClinicProfile(empty)).toBe('Clínica Exemplo\nHorário de atendimento:\n- segunda a domingo: fechado');
  });
});

describe('formatBrl', () => {
  it('should format cents as reais with a plain space', () => {
    expect(formatBrl(18000)).toBe('R$ 180,00');
    expect(formatBrl(120050)).toBe('R$ 1.200,50');
  });
});
