// Polish hints of the agent's workspace.
export const workspaceHintsPl = {
  noQueue:
    'Nie należysz do żadnej kolejki — poproś administratora, aby dodał Cię do kolejki. Do tego czasu widzisz tylko zgłoszenia przypisane do Ciebie (i te bez kolejki, jeśli tak ustawiono).',
};
