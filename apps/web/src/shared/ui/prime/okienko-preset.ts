import { definePreset, palette } from '@primeuix/themes';
import Aura from '@primeuix/themes/aura';

/** Filled buttons of a severity: the 700 shade under white text (Aura's 500 is too light for WCAG AA). */
function filled(colour: string) {
  return {
    background: `{${colour}.700}`,
    hoverBackground: `{${colour}.800}`,
    activeBackground: `{${colour}.900}`,
    borderColor: `{${colour}.700}`,
    hoverBorderColor: `{${colour}.800}`,
    activeBorderColor: `{${colour}.900}`,
    focusRing: { color: `{${colour}.700}`, shadow: 'none' },
  };
}

/** Outlined and text buttons: their label is coloured text on the page, so it gets the 700 shade too. */
function onPage(colour: string, shade = 700) {
  return { outlined: { color: `{${colour}.${shade}}` }, text: { color: `{${colour}.${shade}}` } };
}

const SEVERITY_COLOURS = { success: 'green', info: 'sky', warn: 'orange', help: 'purple', danger: 'red' } as const;

const outlined: Record<string, { color: string }> = { secondary: onPage('surface', 600).outlined };
const text: Record<string, { color: string }> = { secondary: onPage('surface', 600).text };
const root: Record<string, ReturnType<typeof filled>> = {};
for (const [severity, colour] of Object.entries(SEVERITY_COLOURS)) {
  root[severity] = filled(colour);
  outlined[severity] = onPage(colour).outlined;
  text[severity] = onPage(colour).text;
}

/**
 * PrimeVue's Aura theme in the panel's colours (see styles/base.css), with
 * every button label at a contrast of at least 4.5:1 (WCAG 2.1 AA), which
 * axe-core checks in test/browser/accessibility.
 */
export const okienkoPreset = definePreset(Aura, {
  semantic: {
    primary: palette('#1f5f8b'),
    focusRing: { width: '2px', style: 'solid', color: '#3b8fd0', offset: '2px' },
  },
  components: {
    button: {
      colorScheme: { light: { root, outlined, text } },
    },
  },
});
