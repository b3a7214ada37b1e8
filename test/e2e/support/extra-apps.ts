import { AppName, freePort, startApp } from '@safeguard/dev-stack';
import { ChildProcess } from 'node:child_process';
import { stackAppEnv } from './e2e-env';
import { eventually } from './waits';

/**
 * Starts further API or worker processes beside the shared stack, with settings of the test's
 * choosing. Call `stopAll` in afterAll.
 */
export class ExtraApps {
  private readonly started: ChildProcess[] = [];

  run(app: AppName, env: Record<string, string>) {
    const child = startApp(app, { ...process.env, ...stackAppEnv(), ...env });
    this.started.push(child);
    let output = '';
    child.stdout?.on('data', (chunk: Buffer) => (output += chunk));
    child.stderr?.on('data', (chunk: Buffer) => (output += chunk));
    const exitCode = new Promise<number | null>((resolve) =>
      child.once('exit', (code) => resolve(code)),
    );
    return { exitCode, output: () => output };
  }

  /** An extra API instance, once it answers HTTP; returns its base URL. */
  async api(env: Record<string, string>): Promise<string> {
    const port = await freePort();
    const api = this.run('api', { ...env, PORT: String(port) });
    const url = `http://127.0.0.1:${port}`;
    const exited = api.exitCode.then((code) => {
      throw new Error(`the extra API exited with ${code}:\n${api.output()}`);
    });
    await Promise.race([
      eventually('the extra API to answer /health', () =>
        fetch(`${url}/health`).catch(() => undefined),
      ),
      exited,
    ]);
    return url;
  }

  stopAll(): void {
    this.started.forEach((child) => child.kill('SIGKILL'));
  }
}
