import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';
import { ORDER_PROVIDERS, type OrderProvider } from '@okienko/domain';
import { ArrayMaxSize, IsArray, IsBoolean, IsIn, IsObject, IsOptional, IsString, IsUUID, Matches, MaxLength, MinLength } from 'class-validator';

export class CreateIntegrationDto {
  @ApiProperty({ enum: ORDER_PROVIDERS, description: 'The shop system.' })
  @IsIn(ORDER_PROVIDERS, { message: `type must be one of: ${ORDER_PROVIDERS.join(', ')}` })
  type!: OrderProvider;

  @ApiProperty({ example: 'Sklep główny', description: 'Shown to agents next to each order.' })
  @IsString()
  @MinLength(1)
  @Matches(/\S/, { message: 'name must not be blank' })
  @MaxLength(200)
  name!: string;

  @ApiProperty({
    type: 'object',
    additionalProperties: true,
    example: { url: 'https://sklep.pl', consumerKey: 'ck_…', consumerSecret: 'cs_…' },
    description:
      'WooCommerce: `{url, consumerKey, consumerSecret}` (a REST API key with read access); BaseLinker: `{token, apiUrl?}` ' +
      '(apiUrl: connector.php, BASELINKER_API_URL by default); Shoper: `{url, login, password}` (a WebAPI user). ' +
      'Credentials (consumerKey, consumerSecret, token, password) are stored encrypted and never returned.',
  })
  @IsObject()
  settings!: Record<string, unknown>;

  @ApiPropertyOptional({
    type: [String],
    format: 'uuid',
    description: 'The queues whose tickets this shop serves (several shops or brands in one installation); empty or left out: every queue.',
  })
  @IsOptional()
  @IsArray()
  @ArrayMaxSize(200)
  @IsUUID('all', { each: true })
  queueIds?: string[];

  @ApiPropertyOptional({ default: true, description: 'An inactive integration is not asked for orders.' })
  @IsOptional()
  @IsBoolean()
  active?: boolean;
}
