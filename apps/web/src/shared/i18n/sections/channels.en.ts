import type { channelsPl } from './channels.pl';

// English texts about channels: their kinds, where a ticket's messages came and go, and the channels screen.
export const channelsEn: typeof channelsPl = {
  type: {
    email: 'E-mail',
    web_form: 'Web form',
    chat: 'Chat',
    phone: 'Phone',
    api: 'API',
    allegro: 'Allegro',
  },
  ticket: {
    label: 'Channels',
    list: "This ticket's channels",
  },
  message: {
    label: 'Channel',
  },
  reply: {
    via: 'Reply via',
    loading: 'Checking where the reply will go…',
    none: 'This customer cannot be answered on any channel (no e-mail address and no channel that sends)',
    failed: 'Could not check where the reply will go: {message}',
    cannotSend: 'Replies on {type} cannot be sent yet: this one would be marked as not sent. Choose another channel.',
    windowClosed: 'The reply window of {name} closed on {time}: the customer wrote too long ago, so the channel may refuse this reply. Consider another channel.',
    windowOpen: 'Reply window open until {time}',
  },
  admin: {
    title: 'Channels',
    heading: 'Channels',
    explain:
      'The channels customers write to Okienko on: each routes its tickets to a queue. E-mail channels are the inbound addresses and are changed on the addresses screen.',
    table: 'Channels customers contact you on',
    empty: 'No channels',
    fields: {
      type: 'Type',
      name: 'Name',
      queue: 'Queue',
      category: 'Category',
      priority: 'Priority',
      active: 'Active',
      activeCheck: 'Channel active (accepts messages)',
      settings: 'Settings (JSON)',
    },
    settingsHelp: "A JSON object with the channel's settings; leave it empty for none.",
    settingsInvalid: 'The settings are not valid JSON: {message}',
    settingsNotObject: 'The settings must be a JSON object (in curly braces)',
    nameRequired: 'Enter the channel name',
    defaultQueue: 'Default queue',
    activeYes: 'yes',
    activeNo: 'no',
    managedByAddress: 'Change in inbound addresses',
    managedByAddressNamed: 'Change in inbound addresses: {name}',
    createHeading: 'New channel',
    create: 'Add channel',
    editHeading: 'Channel: {name}',
    created: 'Added channel {name}',
    saved: 'Saved channel {name}',
    deleted: 'Deleted channel {name}',
    confirmDelete: 'Delete channel {name}? Messages that came on it stay in their tickets.',
  },
};
