import 'reflect-metadata';
import { describe, expect, it } from '@jest/globals';
import { BadRequestException } from '@nestjs/common';
import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';
import { Type } from 'class-transformer';
import { IsOptional, IsString, ValidateBy, ValidateIf, ValidateNested } from 'class-validator';
import { createValidationPipe } from '../validation-pipe.js';

class PersonDto {
  @ApiPropertyOptional()
  @IsOptional()
  @IsString()
  name?: string;
}

class ExampleDto {
  @ApiProperty({ type: PersonDto })
  @ValidateNested()
  @Type(() => PersonDto)
  person!: PersonDto;

  @ApiPropertyOptional()
  @IsOptional()
  @IsString()
  title?: string;

  @ApiPropertyOptional({ type: String, nullable: true })
  @ValidateIf((_, v) => v !== undefined && v !== null)
  @IsString()
  note?: string | null;
}

class FragileDto {
  @ApiProperty()
  @ValidateBy({ name: 'fragile', validator: { validate: () => { throw new URIError('URI malformed'); } } })
  value!: string;
}

const pipe = createValidationPipe();
const body = (metatype: unknown, data?: string) => ({ type: 'body' as const, metatype: metatype as never, data });

async function fieldsOf(promise: Promise<unknown>): Promise<string[]> {
  try {
    await promise;
  } catch (error) {
    expect(error).toBeInstanceOf(BadRequestException);
    const response = (error as BadRequestException).getResponse() as { details: { fields: { field: string }[] } };
    return response.details.fields.map((f) => f.field);
  }
  throw new Error('expected a 400');
}

describe('the validation pipe', () => {
  it('refuses null where the field is not documented nullable, naming it with its path', async () => {
    expect(await fieldsOf(pipe.transform({ person: { name: null }, title: null }, body(ExampleDto)))).toEqual(['person.name', 'title']);
  });

  it('takes null where the field is documented nullable, and leaves optional fields out', async () => {
    await expect(pipe.transform({ person: {}, note: null }, body(ExampleDto))).resolves.toMatchObject({ person: {}, note: null });
  });

  it('refuses a documented required object that is missing', async () => {
    expect(await fieldsOf(pipe.transform({}, body(ExampleDto)))).toEqual(['person']);
  });

  it('refuses NUL characters and unpaired surrogates in a body, a query and a path parameter', async () => {
    expect(await fieldsOf(pipe.transform({ person: { name: 'a\u0000' } }, body(ExampleDto)))).toEqual(['person.name']);
    expect(await fieldsOf(pipe.transform({ q: '\ud800' }, { type: 'query', metatype: Object }))).toEqual(['q']);
    expect(await fieldsOf(pipe.transform('x\u0000', { type: 'param', metatype: String, data: 'token' }))).toEqual(['token']);
  });

  it('answers a validator that throws on odd input with a 400 naming the input, not a 500', async () => {
    expect(await fieldsOf(pipe.transform({ value: 'x' }, body(FragileDto)))).toEqual(['body']);
  });
});
