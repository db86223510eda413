import { Controller, Get } from '@nestjs/common';
import { ApiBearerAuth, ApiOkResponse, ApiOperation, ApiTags } from '@nestjs/swagger';
import { CategoryDto, CategoryListDto } from './dtos/category.dto.js';
import { QueueDto, QueueListDto } from './dtos/queue.dto.js';
import { QueuesService } from './queues.service.js';

@ApiTags('queues')
@ApiBearerAuth()
@Controller()
export class QueuesController {
  constructor(private readonly queues: QueuesService) {}

  @Get('queues')
  @ApiOperation({ summary: 'List queues' })
  @ApiOkResponse({ type: QueueListDto })
  async listQueues(): Promise<QueueListDto> {
    const items = (await this.queues.listQueues()).map(QueueDto.from);
    return { items, total: items.length };
  }

  @Get('categories')
  @ApiOperation({ summary: 'List ticket categories' })
  @ApiOkResponse({ type: CategoryListDto })
  async listCategories(): Promise<CategoryListDto> {
    const items = (await this.queues.listCategories()).map(CategoryDto.from);
    return { items, total: items.length };
  }
}
