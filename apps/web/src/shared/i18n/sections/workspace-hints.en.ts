import type { workspaceHintsPl } from './workspace-hints.pl';

// English hints of the agent's workspace.
export const workspaceHintsEn: typeof workspaceHintsPl = {
  noQueue:
    'You are not in any queue — ask an administrator to add you to one. Until then you only see tickets assigned to you (and those in no queue, if allowed).',
};
