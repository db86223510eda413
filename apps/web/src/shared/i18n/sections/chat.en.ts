import type { chatPl } from './chat.pl';

// English texts of live chat.
export const chatEn: typeof chatPl = {
  nav: 'Chats',
  title: 'Chats',
  waitingCount: 'Waiting chats: {count}',
  available: 'Available for chat',
  waiting: 'Waiting',
  active: 'In progress',
  none: 'No chats.',
  visitor: 'Visitor',
  accept: 'Accept',
  end: 'End',
  takenBy: 'Handled by {name}',
  reply: 'Reply',
  send: 'Send',
  typing: 'The customer is typing…',
  openTicket: 'Ticket',
  pick: 'Pick a chat from the list.',
  joined: '{name} joined the conversation',
  transferred: 'The chat is now with {name}',
  ended: 'Conversation ended',
};
