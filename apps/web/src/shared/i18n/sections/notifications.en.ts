import type { notificationsPl } from './notifications.pl';

// English texts of notifications (the bell), mentions, following and snoozing tickets.
export const notificationsEn: typeof notificationsPl = {
  bell: {
    label: 'Notifications',
    unread: 'Notifications, {count} unread',
    heading: 'Notifications',
    empty: 'No notifications',
    failed: 'Notifications could not be loaded',
    markAll: 'Mark all read',
    unreadMark: 'unread',
  },
  kind: {
    mention: '{actor} mentioned you',
    assigned: '{actor} assigned the ticket to you',
    customer_replied: '{actor} replied',
    sla_warning: 'SLA deadline approaching',
    snooze_ended: 'Snooze ended',
  },
  someone: 'Somebody',
  rule: 'Rule “{name}”',
  mentions: {
    label: 'People to mention',
    hint: 'Mention someone: @ and the start of their name; arrows choose, Enter inserts.',
  },
  mail: {
    heading: 'Also send me by e-mail',
    show: 'E-mail notifications…',
    kind: {
      mention: 'mentions',
      assigned: 'tickets assigned to me',
      customer_replied: 'customer replies',
      sla_warning: 'SLA warnings',
      snooze_ended: 'snoozes that ended',
    },
  },
  snooze: {
    heading: 'Snooze and follow',
    action: 'Snooze',
    menu: 'Snooze until…',
    tomorrow: 'Tomorrow 9:00',
    nextMonday: 'Next Monday 9:00',
    inWeek: 'In a week',
    custom: 'Pick a date…',
    customLabel: 'Snooze until (date and time)',
    apply: 'Snooze',
    cancel: 'Cancel',
    until: 'Snoozed until {time}',
    wake: 'Wake now',
    onlyWaiting: 'Only a waiting ticket (for the customer or someone else) can be snoozed.',
    snoozed: 'Ticket snoozed until {time}',
    woken: 'Ticket woken',
    failed: 'That did not work: {message}',
  },
  watch: {
    follow: 'Follow',
    unfollow: 'Unfollow',
    watchers: 'Following: {names}',
    nobody: 'Nobody follows it',
    failed: 'Following could not be changed: {message}',
  },
  filter: {
    label: 'Snoozed',
    hide: 'Without snoozed',
    only: 'Snoozed only',
    any: 'All',
  },
  events: {
    snoozed: '{actor} snoozed the ticket until {time}',
    unsnoozed: 'Ticket woke up',
  },
};
