import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';
import { FORM_FIELD_TYPES, FORM_KINDS, FORM_LANGUAGES, HONEYPOT_FIELD, type FormField, type FormFieldType, type FormKind, type FormLanguage, type FormSettings } from '@okienko/domain';

export class PublicFormOptionDto {
  @ApiProperty({ example: 'repair' }) value!: string;
  @ApiProperty({ example: 'Naprawa' }) label!: string;
}

export class PublicFormFieldDto {
  @ApiProperty({ example: 'orderNumber', description: 'The name the value is sent under.' }) name!: string;
  @ApiProperty({ example: 'Numer zamówienia', description: 'In the requested language.' }) label!: string;
  @ApiProperty({ enum: FORM_FIELD_TYPES }) type!: FormFieldType;
  @ApiProperty() required!: boolean;
  @ApiPropertyOptional({ type: [PublicFormOptionDto], description: 'select: the choices (send the value).' }) options?: PublicFormOptionDto[];
  @ApiPropertyOptional({ description: 'file: how many files the field takes.' }) maxFiles?: number;
  @ApiPropertyOptional({ description: 'file: the largest file in MB.' }) maxFileMb?: number;
}

export class PublicFormDto {
  @ApiProperty() key!: string;
  @ApiProperty({ example: 'Formularz reklamacyjny' }) name!: string;
  @ApiProperty({ enum: FORM_KINDS }) kind!: FormKind;
  @ApiProperty({ enum: FORM_LANGUAGES, description: 'The language of the labels and of the error messages.' }) language!: FormLanguage;
  @ApiProperty({ type: [PublicFormFieldDto] }) fields!: PublicFormFieldDto[];
  @ApiProperty({ description: 'What to show after a submission.' }) successMessage!: string;
  @ApiProperty({ description: 'The signed form token: send it back as `token`. Valid for a day; a submission sooner than a few seconds after it was issued counts as a bot.' })
  token!: string;
  @ApiProperty({
    example: 12,
    description: 'Proof of work: send a `nonce` (text, at most 64 characters) such that SHA-256 of the UTF-8 text `token + nonce` starts with this many zero bits. It grows while the form is flooded.',
  })
  difficulty!: number;
  @ApiProperty({ example: HONEYPOT_FIELD, description: 'A field people never fill in (hide it); a submission with it filled is kept as spam.' })
  honeypotField!: string;
  @ApiProperty({ example: '/api/public/forms/KEY/submissions', description: 'Where to POST the submission.' }) submitUrl!: string;

  static from(key: string, name: string, form: FormSettings, lang: FormLanguage, token: string, difficulty: number): PublicFormDto {
    return {
      key, name, kind: form.kind, language: lang,
      fields: form.fields.map((f: FormField) => ({
        name: f.name, label: f.label[lang], type: f.type, required: f.required,
        ...(f.options ? { options: f.options.map((o) => ({ value: o.value, label: o.label[lang] })) } : {}),
        ...(f.type === 'file' ? { maxFiles: f.maxFiles, maxFileMb: f.maxFileMb } : {}),
      })),
      successMessage: form.successMessage[lang], token, difficulty, honeypotField: HONEYPOT_FIELD,
      submitUrl: `/api/public/forms/${key}/submissions`,
    };
  }
}

export class SubmissionCreatedDto {
  @ApiProperty({ type: String, nullable: true, example: '2026-000123', description: 'The ticket the submission became.' }) ticketNumber!: string | null;
  @ApiProperty({ type: String, nullable: true, description: "The customer's status page (`PUBLIC_URL/s/<token>`), also in the confirmation mail." })
  statusUrl!: string | null;
  @ApiProperty({ description: "The form's success message in the submission's language." }) message!: string;
}
