import { beforeAll, describe, expect, test } from 'vitest';
import { jsBackend } from '@lab/tensor';
import { tf, tfPeers, useTf } from '../tfjs';
import { A4, B4, labTinyAdd, tfTinyAdd } from './tiny';

beforeAll(async () => {
  await tfPeers();
});

describe('tiny op workload', () => {
  test('lab and tfjs add the same [4] tensors to the same values, and tfjs frees them', async () => {
    const ours = Array.from(labTinyAdd(jsBackend)().data());
    expect(ours).toEqual(A4.map((v, i) => v + B4[i]));
    await useTf('cpu');
    const before = tf.memory().numTensors;
    const f = tfTinyAdd();
    const c = f.run();
    expect(Array.from(c.dataSync())).toEqual(ours);
    c.dispose();
    f.dispose();
    expect(tf.memory().numTensors).toBe(before);
  });
});
