import { PartialType } from '@nestjs/swagger';
import { CreateCalendarDto } from './create-calendar.dto.js';

/**
 * Only the fields present change; the calendar is checked as a whole after
 * the change. `isDefault: true` makes it the default calendar; the default
 * calendar cannot be set to false (make another one the default instead).
 */
export class UpdateCalendarDto extends PartialType(CreateCalendarDto) {}
