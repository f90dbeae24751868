import { ApiProperty } from '@nestjs/swagger';
import { IsNotEmpty, IsString } from 'class-validator';

export class ImportContactsDto {
  @ApiProperty({
    example: 'nome;telefone;e-mail;nascimento;convenio\nMaria da Silva;(11) 98765-4321;maria@email.com;12/04/1985;Unimed\n',
    description:
      'CSV text with a header row, `,` or `;` separated (detected from the header), UTF-8, BOM allowed. ' +
      'Columns, case- and accent-insensitive: name (nome), phone (telefone, celular, whatsapp), email (e-mail), ' +
      'birth_date (nascimento, data de nascimento; YYYY-MM-DD or DD/MM/YYYY), notes (observações, obs). ' +
      'name and phone are required; any other column becomes a custom attribute. At most 5,000 rows and 2 MB.',
  })
  @IsString()
  @IsNotEmpty()
  csv!: string;
}

export class ImportFieldErrorDto {
  @ApiProperty({ example: 'phone' }) field!: string;
  @ApiProperty({ example: ['phone must be a valid phone number, e.g. +55 11 98765-4321'] }) errors!: string[];
}

export class ImportRowErrorDto {
  @ApiProperty({ example: 3, description: '1-based line of the file where the row starts (the header is line 1)' }) row!: number;
  @ApiProperty({ type: [ImportFieldErrorDto] }) errors!: ImportFieldErrorDto[];
}

export class ImportContactsResultDto {
  @ApiProperty({ example: 120, description: 'Data rows read (blank lines are skipped)' }) total_rows!: number;
  @ApiProperty({ example: 100, description: 'New contacts' }) created!: number;
  @ApiProperty({ example: 12, description: 'Existing contacts (same phone) whose empty fields were filled' }) updated!: number;
  @ApiProperty({ example: 5, description: 'Existing contacts with nothing empty to fill' }) unchanged!: number;
  @ApiProperty({ example: 3, description: 'Rows refused: invalid, or repeating an earlier row’s phone' }) rejected!: number;
  @ApiProperty({ type: [ImportRowErrorDto] }) errors!: ImportRowErrorDto[];
}
