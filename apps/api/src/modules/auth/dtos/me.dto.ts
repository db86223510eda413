import { ApiProperty } from '@nestjs/swagger';

/** Who the API considers the caller to be: a signed-in user or an API token. */
export class MeDto {
  @ApiProperty({ enum: ['user', 'api_token'] })
  type!: 'user' | 'api_token';

  @ApiProperty({ format: 'uuid', description: 'The user id, or the API token id.' })
  id!: string;

  @ApiProperty({ example: 'Anna Nowak' })
  name!: string;

  @ApiProperty({ enum: ['admin', 'agent'] })
  role!: 'admin' | 'agent';

  @ApiProperty({ type: String, nullable: true, description: 'null for API tokens.' })
  email!: string | null;

  @ApiProperty({ enum: ['pl', 'en'], description: "The user's language; pl for API tokens." })
  locale!: string;
}
