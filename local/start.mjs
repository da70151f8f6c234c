// `npm start`: check prerequisites, install if needed, then run the local service.
import { spawn } from 'node:child_process';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { checkJava, checkNode, ensureDependencies } from './preflight.mjs';

checkNode();
ensureDependencies();
checkJava();

const root = join(dirname(fileURLToPath(import.meta.url)), '..');
const child = spawn(process.execPath, ['--import', 'tsx', join(root, 'local', 'main.ts')], {
  cwd: root,
  stdio: 'inherit',
  // The pinned SDK supports Node 20; its notice about future releases is noise here.
  env: { AWS_SDK_JS_NODE_VERSION_SUPPORT_WARNING_DISABLED: 'true', ...process.env },
});
for (const signal of ['SIGINT', 'SIGTERM']) process.on(signal, () => child.kill(signal));
child.on('exit', (code) => process.exit(code ?? 0));
