import { main } from './main';

const controller = new AbortController();
let interrupts = 0;
process.on('SIGINT', () => {
  // First Ctrl-C: stop after the current step and write a valid checkpoint. Second: leave now.
  if (++interrupts > 1) process.exit(130);
  process.stderr.write('\nlab: interrupted; finishing the current step (Ctrl-C again to quit at once)\n');
  controller.abort();
});

const code = await main(
  process.argv.slice(2),
  {
    stdout: (s) => process.stdout.write(s.endsWith('\n') ? s : `${s}\n`),
    stderr: (s) => process.stderr.write(s.endsWith('\n') ? s : `${s}\n`),
    isTTY: Boolean(process.stderr.isTTY),
  },
  controller.signal,
);
process.exitCode = code;
