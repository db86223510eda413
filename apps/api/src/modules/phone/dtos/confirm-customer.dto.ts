import { ApiProperty } from '@nestjs/swagger';
import { IsUUID } from 'class-validator';

export class ConfirmCustomerDto {
  @ApiProperty({ format: 'uuid', description: 'The customer the caller is: the call’s number becomes their phone identity' })
  @IsUUID()
  customerId!: string;
}
