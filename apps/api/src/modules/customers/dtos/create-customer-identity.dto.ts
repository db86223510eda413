import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';
import { CUSTOMER_IDENTITY_KINDS, type CustomerIdentityKind } from '@okienko/domain';
import { IsIn, IsOptional, IsString, Matches, MaxLength, MinLength } from 'class-validator';

/** An identity as given: the value is normalised (e-mail in lower case, phone in E.164 read in DEFAULT_PHONE_REGION). */
export class CreateCustomerIdentityDto {
  @ApiProperty({ enum: CUSTOMER_IDENTITY_KINDS, example: 'phone' })
  @IsIn(CUSTOMER_IDENTITY_KINDS)
  kind!: CustomerIdentityKind;

  @ApiProperty({ example: '600 100 200' })
  @IsString()
  @MinLength(1)
  @Matches(/\S/, { message: 'value must not be blank' })
  @MaxLength(320)
  value!: string;

  @ApiPropertyOptional({ example: 'shop', description: 'The outside system or channel: required for `external`, optional for `chat` and `allegro`, refused for `email` and `phone`.' })
  @IsOptional()
  @IsString()
  @MaxLength(100)
  source?: string;
}
