import { definePreset, palette } from '@primeuix/themes';
import Aura from '@primeuix/themes/aura';

/** PrimeVue's Aura theme in the panel's colours (see styles/base.css). */
export const okienkoPreset = definePreset(Aura, {
  semantic: {
    primary: palette('#1f5f8b'),
    focusRing: { width: '2px', style: 'solid', color: '#3b8fd0', offset: '2px' },
  },
});
