import { describe, expect, it } from 'vitest';
import { nextTick, ref } from 'vue';
import { useMadeOnceOpen } from '../use-made-once-open';

describe('a dialog made the first time it is opened', () => {
  it('does not exist before it is opened, and stays once it has been', async () => {
    const open = ref(false);
    const made = useMadeOnceOpen(open);
    expect(made.value).toBe(false);

    open.value = true;
    await nextTick();
    expect(made.value).toBe(true);

    open.value = false;
    await nextTick();
    expect(made.value).toBe(true);
  });

  it('exists at once when it starts open', () => {
    expect(useMadeOnceOpen(ref(true)).value).toBe(true);
  });
});
