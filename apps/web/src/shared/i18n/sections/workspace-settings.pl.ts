// Polish texts of the installation's workspace settings (admin).
export const workspaceSettingsPl = {
  heading: 'Praca zespołu',
  assignOnReply: 'Odpowiedź na nieprzypisane zgłoszenie przypisuje je odpowiadającemu agentowi',
  saved: 'Zapisano ustawienia pracy zespołu',
};
