import { afterEach, describe, expect, it } from 'vitest';
import { nextTick, ref } from 'vue';
import { withSetup } from '../../../../shared/testing/with-setup';
import { usePreviewSetting } from '../use-preview-setting';

describe('the preview pane setting', () => {
  afterEach(() => window.localStorage.clear());

  it('is off at first, and is remembered for each agent separately', async () => {
    const user = ref<string | null>('ala');
    const first = withSetup(() => usePreviewSetting(() => user.value));
    expect(first.result.value).toBe(false);
    first.result.value = true;
    await nextTick();
    first.unmount();

    const again = withSetup(() => usePreviewSetting(() => user.value));
    expect(again.result.value).toBe(true);
    // Another agent in the same browser has it as they left it.
    user.value = 'bartek';
    await nextTick();
    expect(again.result.value).toBe(false);
    user.value = 'ala';
    await nextTick();
    expect(again.result.value).toBe(true);
    again.result.value = false;
    await nextTick();
    again.unmount();
    expect(withSetup(() => usePreviewSetting(() => 'ala')).result.value).toBe(false);
  });
});
