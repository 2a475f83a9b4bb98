import { describe, expect, it } from 'vitest';
import { HostClient } from '../../../src/main/host-client';
import { createRendererRouter } from '../../../src/main/router';
import type { CallProgress } from '../../../src/shared/contract';
import type { Channel, FromHost, ToHost } from '../../../src/shared/host-protocol';

/** A host that records what it is sent and answers when the test says so. */
function fakeHost() {
  const sent: ToHost[] = [];
  let deliver: (message: FromHost) => void = () => undefined;
  const channel: Channel<FromHost, ToHost> = {
    send: (message) => sent.push(message),
    listen: (listener) => {
      deliver = listener;
      return () => undefined;
    },
  };
  const client = new HostClient(channel);
  return { client, sent, reply: (message: FromHost) => deliver(message) };
}

describe('the renderer router (main process)', () => {
  it('refuses an unknown method itself, without bothering the host', async () => {
    const host = fakeHost();
    const router = createRendererRouter(() => host.client);
    expect(await router.invoke('fs.readFile', {}, undefined, () => undefined)).toMatchObject({ ok: false, error: { code: 'bad-method' } });
    expect(await router.invoke('app.open', { path: '/etc/passwd', create: false }, undefined, () => undefined)).toMatchObject({ ok: false, error: { code: 'bad-method' } });
    expect(host.sent).toEqual([]);
  });

  it('forwards a call to the renderer contract, payload untouched (the host validates it)', async () => {
    const host = fakeHost();
    const router = createRendererRouter(() => host.client);
    const answer = router.invoke('plan.run', { scenarioId: 42 }, undefined, () => undefined);
    expect(host.sent).toEqual([{ kind: 'call', id: 1, target: 'renderer', method: 'plan.run', payload: { scenarioId: 42 } }]);
    host.reply({ kind: 'result', id: 1, result: { ok: false, error: { code: 'invalid-input', message: 'scenarioId: …', field: 'scenarioId' } } });
    expect(await answer).toMatchObject({ ok: false, error: { code: 'invalid-input' } });
  });

  it('passes progress back under the call id, and turns cancel(callId) into a cancel of that call', async () => {
    const host = fakeHost();
    const router = createRendererRouter(() => host.client);
    const progress: CallProgress[] = [];
    const answer = router.invoke('plan.compare', { scenarioIds: ['a', 'b'] }, 'call-7', (p) => progress.push(p));
    host.reply({ kind: 'progress', id: 1, fraction: 0.5, stage: 'planning scenario “b” (2 of 2)' });
    router.cancel('call-7');
    router.cancel('call-8');
    expect(host.sent.slice(1)).toEqual([{ kind: 'cancel', id: 1 }]);
    host.reply({ kind: 'result', id: 1, result: { ok: false, error: { code: 'cancelled', message: 'cancelled' } } });
    expect(await answer).toEqual({ ok: false, error: { code: 'cancelled', message: 'cancelled' } });
    expect(progress).toEqual([{ callId: 'call-7', fraction: 0.5, stage: 'planning scenario “b” (2 of 2)' }]);
  });

  it('refuses a malformed or duplicate call id', async () => {
    const host = fakeHost();
    const router = createRendererRouter(() => host.client);
    expect(await router.invoke('plan.run', {}, 7, () => undefined)).toMatchObject({ ok: false, error: { code: 'invalid-input', field: 'callId' } });
    expect(await router.invoke('plan.run', {}, 'x'.repeat(65), () => undefined)).toMatchObject({ ok: false, error: { field: 'callId' } });
    void router.invoke('plan.run', {}, 'same', () => undefined);
    expect(await router.invoke('plan.run', {}, 'same', () => undefined)).toMatchObject({ ok: false, error: { code: 'conflict', field: 'callId' } });
  });

  it('answers every open call when the host stops', async () => {
    const host = fakeHost();
    const router = createRendererRouter(() => host.client);
    const answer = router.invoke('workspace.snapshot', {}, undefined, () => undefined);
    host.client.stopped('the workspace process stopped (exit code 9)');
    expect(await answer).toEqual({ ok: false, error: { code: 'internal', message: 'the workspace process stopped (exit code 9)' } });
  });
});
