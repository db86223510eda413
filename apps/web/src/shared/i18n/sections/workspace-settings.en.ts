import type { workspaceSettingsPl } from './workspace-settings.pl';

// English texts of the installation's workspace settings (admin).
export const workspaceSettingsEn: typeof workspaceSettingsPl = {
  heading: 'How the team works',
  assignOnReply: 'Replying to an unassigned ticket assigns it to the replying agent',
  saved: 'Team settings saved',
};
