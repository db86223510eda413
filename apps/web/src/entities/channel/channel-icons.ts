import { isChannelType, type ChannelType } from './channel-type';

/**
 * Line drawings of the channel types on a 24×24 grid, drawn with the current
 * text colour (stroke only): each is the `d` of one or more SVG paths.
 */
export const CHANNEL_ICON_PATHS: Record<ChannelType, readonly string[]> = {
  // An envelope.
  email: ['M4 6h16a1 1 0 0 1 1 1v10a1 1 0 0 1-1 1H4a1 1 0 0 1-1-1V7a1 1 0 0 1 1-1z', 'M3.5 7l8.5 6 8.5-6'],
  // A sheet with two fields and a button.
  web_form: ['M5 3h14v18H5z', 'M8 7h8', 'M8 11h8', 'M8 16h4'],
  // A speech bubble.
  chat: ['M4 5h16v11H10l-4 4v-4H4z', 'M8 9.5h8', 'M8 12.5h5'],
  // A handset.
  phone: [
    'M7 3h3l1.5 4.5-2 1.5a11 11 0 0 0 5.5 5.5l1.5-2 4.5 1.5v3a2 2 0 0 1-2 2A16 16 0 0 1 5 5a2 2 0 0 1 2-2z',
  ],
  // Angle brackets: a program talking to Okienko.
  api: ['M8 7l-5 5 5 5', 'M16 7l5 5-5 5', 'M13.5 5l-3 14'],
  // A shopping bag: a marketplace.
  allegro: ['M5 8h14l-1 13H6z', 'M9 10V7a3 3 0 0 1 6 0v3'],
};

/** A circle with a dot: a channel type this panel does not know yet (a newer API). */
export const UNKNOWN_CHANNEL_ICON_PATHS: readonly string[] = ['M12 3a9 9 0 1 0 0 18 9 9 0 1 0 0-18z', 'M12 11v1'];

/** The drawing for a channel type; unknown types get a neutral one instead of nothing. */
export function channelIconPaths(type: string): readonly string[] {
  return isChannelType(type) ? CHANNEL_ICON_PATHS[type] : UNKNOWN_CHANNEL_ICON_PATHS;
}
