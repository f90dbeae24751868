import { ApiProperty } from '@nestjs/swagger';
import { ClinicProfile } from '../clinic-profile.types';
import { BusinessHoursDto, DateExceptionDto, HolidayDto, WeekdayHoursDto } from './business-hours.dto';

export class BusinessHoursResponseDto {
  @ApiProperty({ type: [WeekdayHoursDto] }) weekly!: WeekdayHoursDto[];
  @ApiProperty({ type: [DateExceptionDto] }) exceptions!: DateExceptionDto[];
  @ApiProperty({ type: [HolidayDto] }) holidays!: HolidayDto[];
}

export class ClinicServiceResponseDto {
  @ApiProperty({ example: 'Limpeza dental (profilaxia)' }) name!: string;
  @ApiProperty({ example: 'Remoção de placa e tártaro, polimento e aplicação de flúor.', nullable: true, type: String }) description!: string | null;
  @ApiProperty({ example: 18000, nullable: true, type: Number, description: 'BRL cents; null = on request' }) price_cents!: number | null;
  @ApiProperty({ example: 45, nullable: true, type: Number }) duration_minutes!: number | null;
}

export class ClinicProfileResponseDto {
  @ApiProperty({ example: 'Clínica Exemplo', description: 'The organization’s name until the profile sets one' }) name!: string;
  @ApiProperty({ example: 'Av. Paulista, 1578, conj. 1203 - Bela Vista, São Paulo - SP, 01310-200', nullable: true, type: String }) address!: string | null;
  @ApiProperty({ example: '(11) 3555-0100', nullable: true, type: String }) phone!: string | null;
  @ApiProperty({ example: 'contato@clinicaexemplo.com.br', nullable: true, type: String }) email!: string | null;
  @ApiProperty({ example: 'America/Sao_Paulo', description: 'The organization’s IANA time zone' }) timezone!: string;
  @ApiProperty({ type: BusinessHoursResponseDto }) business_hours!: BusinessHoursDto;
  @ApiProperty({ example: ['Unimed', 'Bradesco Saúde'], type: [String] }) accepted_insurances!: string[];
  @ApiProperty({ type: [ClinicServiceResponseDto] }) services!: ClinicServiceResponseDto[];
  @ApiProperty({ example: true, description: 'Whether the clinic is open right now by these hours' }) open_now!: boolean;
  @ApiProperty({ example: '2026-11-23T11:00:00.000Z', nullable: true, type: String, format: 'date-time', description: 'Now when open; null when it never opens again' })
  next_opening_at!: string | null;
  @ApiProperty({ example: 12, description: 'Bumped on every profile or knowledge change (caches key on it)' }) knowledge_version!: number;
  @ApiProperty({ example: '2026-11-20T18:45:00.000Z', nullable: true, type: String, format: 'date-time', description: 'Null until first saved' })
  updated_at!: string | null;
}
