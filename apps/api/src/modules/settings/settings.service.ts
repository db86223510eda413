import { Injectable } from '@nestjs/common';
import type { UpdateWorkspaceSettingsDto, WorkspaceSettingsDto } from './dtos/workspace-settings.dto.js';
import { SettingsRepository } from './settings.repository.js';

/** The key of "a reply to an unassigned ticket assigns it to the replying agent" (`true`/`false`; missing: true). */
const ASSIGN_ON_REPLY = 'workspace.assign_on_reply';

@Injectable()
export class SettingsService {
  constructor(private readonly settings: SettingsRepository) {}

  /** A value generated once per installation and shared by every instance, e.g. the token-signing secret. */
  getOrCreate(key: string, generate: () => string): Promise<string> {
    return this.settings.insertIfMissing(key, generate());
  }

  /** Whether replying to an unassigned ticket makes the replying agent its assignee (default yes). */
  async assignOnReply(): Promise<boolean> {
    return (await this.settings.find(ASSIGN_ON_REPLY)) !== 'false';
  }

  async workspace(): Promise<WorkspaceSettingsDto> {
    return { assignOnReply: await this.assignOnReply() };
  }

  async updateWorkspace(change: UpdateWorkspaceSettingsDto): Promise<WorkspaceSettingsDto> {
    if (change.assignOnReply !== undefined) await this.settings.put(ASSIGN_ON_REPLY, String(change.assignOnReply));
    return this.workspace();
  }
}
