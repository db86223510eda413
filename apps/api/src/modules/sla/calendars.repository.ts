import { Injectable } from '@nestjs/common';
import { InjectRepository } from '@nestjs/typeorm';
import { EntityManager, Repository } from 'typeorm';
import { CalendarEntity } from './entities/calendar.entity.js';
import { SlaPolicyEntity } from './entities/sla-policy.entity.js';

@Injectable()
export class CalendarsRepository {
  constructor(@InjectRepository(CalendarEntity) private readonly calendars: Repository<CalendarEntity>) {}

  transaction<T>(work: (manager: EntityManager) => Promise<T>): Promise<T> {
    return this.calendars.manager.transaction(work);
  }

  /** The default calendar first, then by name. */
  list(): Promise<CalendarEntity[]> {
    return this.calendars.find({ order: { isDefault: 'DESC', name: 'ASC', id: 'ASC' } });
  }

  findById(id: string): Promise<CalendarEntity | null> {
    return this.calendars.findOneBy({ id });
  }

  insert(manager: EntityManager, calendar: Partial<CalendarEntity>): Promise<CalendarEntity> {
    return manager.save(manager.create(CalendarEntity, calendar));
  }

  async update(manager: EntityManager, id: string, patch: Partial<CalendarEntity>): Promise<void> {
    await manager.update(CalendarEntity, { id }, { ...patch, updatedAt: new Date() });
  }

  /**
   * Makes the calendar the default one. The current default's row is locked
   * first, so two admins doing this at once take turns and one default remains.
   */
  async makeDefault(manager: EntityManager, id: string): Promise<void> {
    await manager.getRepository(CalendarEntity).createQueryBuilder('c').setLock('for_no_key_update').where('c.is_default').getMany();
    await manager.query(`UPDATE calendars SET is_default = false, updated_at = now() WHERE is_default AND id <> $1`, [id]);
    await manager.query(`UPDATE calendars SET is_default = true, updated_at = now() WHERE id = $1 AND NOT is_default`, [id]);
  }

  async delete(manager: EntityManager, id: string): Promise<void> {
    await manager.delete(CalendarEntity, { id });
  }

  /** The policies that count business time on this calendar, by name. */
  async policiesUsing(id: string, manager: EntityManager = this.calendars.manager): Promise<{ id: string; name: string }[]> {
    const policies = await manager.find(SlaPolicyEntity, { select: { id: true, name: true }, where: { calendarId: id }, order: { name: 'ASC' } });
    return policies.map(({ id: policyId, name }) => ({ id: policyId, name }));
  }
}
