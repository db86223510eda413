import { ApiProperty } from '@nestjs/swagger';
import { IsString, MaxLength, ValidateIf } from 'class-validator';

/** The signed-in agent's own reply signature. */
export class SignatureDto {
  @ApiProperty({
    type: String,
    nullable: true,
    maxLength: 2000,
    example: 'Pozdrawiam,\n{{agent.name}}\n{{queue.name}}',
    description: "Added below the agent's e-mail replies; placeholders as in templates ({{agent.name}}, {{queue.name}}, {{ticket.number}}, …). null or empty: the queue's signature.",
  })
  @ValidateIf((_, v) => v !== null)
  @IsString()
  @MaxLength(2000)
  signature!: string | null;
}
