import { CUSTOMER_LANGUAGES, type CustomerLanguage } from '@okienko/domain';
import { ApiPropertyOptional, PickType } from '@nestjs/swagger';
import { ArrayMaxSize, IsArray, IsEmail, IsIn, IsOptional, IsString, MaxLength, ValidateIf } from 'class-validator';
import { CreateCustomerDto } from './create-customer.dto.js';

/** Only the fields present change; phones, identifiers and tags validate as on creation. */
export class UpdateCustomerDto extends PickType(CreateCustomerDto, ['phones', 'externalIds', 'tags'] as const) {
  @ApiPropertyOptional({ type: String, nullable: true })
  @IsOptional()
  @IsString()
  @MaxLength(200)
  name?: string | null;

  @ApiPropertyOptional({ description: 'The primary e-mail; must not belong to another customer.' })
  @IsOptional()
  @IsEmail()
  @MaxLength(254)
  email?: string;

  @ApiPropertyOptional({ type: [String] })
  @IsOptional()
  @IsArray()
  @ArrayMaxSize(20)
  @IsEmail({}, { each: true })
  emails?: string[];

  @ApiPropertyOptional({ type: String, nullable: true })
  @IsOptional()
  @IsString()
  @MaxLength(10_000)
  notes?: string | null;

  @ApiPropertyOptional({
    enum: CUSTOMER_LANGUAGES, nullable: true,
    description: 'What acknowledgements, automatic answers and surveys are written in. null: judged again from their next message (Polish until then).',
  })
  @ValidateIf((_, value) => value !== undefined && value !== null)
  @IsIn(CUSTOMER_LANGUAGES)
  language?: CustomerLanguage | null;
}
