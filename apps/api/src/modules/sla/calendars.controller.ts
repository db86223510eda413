import { Body, Controller, Delete, Get, HttpCode, Patch, Post, Query } from '@nestjs/common';
import {
  ApiBadRequestResponse, ApiBearerAuth, ApiConflictResponse, ApiCreatedResponse, ApiNoContentResponse, ApiNotFoundResponse, ApiOkResponse,
  ApiOperation, ApiTags,
} from '@nestjs/swagger';
import { Roles } from '../../core/auth/roles.decorator.js';
import { ErrorResponseDto } from '../../core/errors/error-response.dto.js';
import { UuidParam } from '../../core/http/uuid-param.js';
import { CalendarsService } from './calendars.service.js';
import { CalendarHolidaysDto, CalendarHolidaysQueryDto } from './dtos/calendar-holidays.dto.js';
import { CalendarPreviewDto, CalendarPreviewQueryDto } from './dtos/calendar-preview.dto.js';
import { CalendarDto, CalendarListDto } from './dtos/calendar.dto.js';
import { CreateCalendarDto } from './dtos/create-calendar.dto.js';
import { UpdateCalendarDto } from './dtos/update-calendar.dto.js';

const INVALID = 'Invalid input; a calendar the SLA arithmetic cannot work with is CALENDAR_INVALID, details.fields naming each place (weeklyPeriods[2].end)';

/** Business calendars: everybody reads them, admins write them. */
@ApiTags('calendars')
@ApiBearerAuth()
@ApiBadRequestResponse({ description: INVALID, type: ErrorResponseDto })
@Controller('calendars')
export class CalendarsController {
  constructor(private readonly calendars: CalendarsService) {}

  @Get()
  @ApiOperation({ summary: 'List business calendars (the default one first)' })
  @ApiOkResponse({ type: CalendarListDto })
  async list(): Promise<CalendarListDto> {
    const items = (await this.calendars.list()).map(CalendarDto.from);
    return { items, total: items.length };
  }

  @Post()
  @Roles('admin')
  @ApiOperation({ summary: 'Create a business calendar: time zone, weekly working periods, holidays, extra days off and working days' })
  @ApiCreatedResponse({ type: CalendarDto })
  @ApiConflictResponse({ description: 'CALENDAR_NAME_TAKEN', type: ErrorResponseDto })
  async create(@Body() dto: CreateCalendarDto): Promise<CalendarDto> {
    return CalendarDto.from(await this.calendars.create(dto));
  }

  @Get(':id')
  @ApiOperation({ summary: 'Get a business calendar' })
  @ApiOkResponse({ type: CalendarDto })
  @ApiNotFoundResponse({ type: ErrorResponseDto })
  async get(@UuidParam() id: string): Promise<CalendarDto> {
    return CalendarDto.from(await this.calendars.get(id));
  }

  @Patch(':id')
  @Roles('admin')
  @ApiOperation({ summary: 'Change a business calendar; isDefault: true makes it the default one' })
  @ApiOkResponse({ type: CalendarDto })
  @ApiNotFoundResponse({ type: ErrorResponseDto })
  @ApiConflictResponse({ description: 'CALENDAR_NAME_TAKEN, or CALENDAR_IS_DEFAULT: the default calendar would stop being the default', type: ErrorResponseDto })
  async update(@UuidParam() id: string, @Body() dto: UpdateCalendarDto): Promise<CalendarDto> {
    return CalendarDto.from(await this.calendars.update(id, dto));
  }

  @Delete(':id')
  @Roles('admin')
  @HttpCode(204)
  @ApiOperation({ summary: 'Delete a business calendar that is not the default and no SLA policy counts on' })
  @ApiNoContentResponse()
  @ApiNotFoundResponse({ type: ErrorResponseDto })
  @ApiConflictResponse({ description: 'CALENDAR_IS_DEFAULT, or CALENDAR_IN_USE with details.policies', type: ErrorResponseDto })
  async delete(@UuidParam() id: string): Promise<void> {
    await this.calendars.delete(id);
  }

  @Get(':id/holidays')
  @ApiOperation({ summary: "List a year's days off of a calendar: built-in public holidays and extra days off, and its extra working days" })
  @ApiOkResponse({ type: CalendarHolidaysDto })
  @ApiNotFoundResponse({ type: ErrorResponseDto })
  holidays(@UuidParam() id: string, @Query() query: CalendarHolidaysQueryDto): Promise<CalendarHolidaysDto> {
    return this.calendars.holidays(id, query.year);
  }

  @Get(':id/preview')
  @ApiOperation({ summary: 'When a number of business minutes of the calendar, counted from a start, have passed' })
  @ApiOkResponse({ type: CalendarPreviewDto })
  @ApiNotFoundResponse({ type: ErrorResponseDto })
  preview(@UuidParam() id: string, @Query() query: CalendarPreviewQueryDto): Promise<CalendarPreviewDto> {
    return this.calendars.preview(id, query.start, query.minutes);
  }
}
