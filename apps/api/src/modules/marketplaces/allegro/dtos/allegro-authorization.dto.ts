import { ApiProperty } from '@nestjs/swagger';

/** What the admin is shown to authorise the channel at Allegro. */
export class AllegroAuthorizationDto {
  @ApiProperty({ example: 'ABC-DEF-GHI', description: 'The code to enter at verificationUri.' })
  userCode!: string;

  @ApiProperty({ example: 'https://allegro.pl/skojarz-aplikacje' })
  verificationUri!: string;

  @ApiProperty({ example: 'https://allegro.pl/skojarz-aplikacje?code=ABCDEFGHI', description: 'The page with the code filled in.' })
  verificationUriComplete!: string;

  @ApiProperty({ format: 'date-time', description: 'Until when the code may be entered.' })
  expiresAt!: string;
}
