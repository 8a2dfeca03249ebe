// Starts the end-to-end stack and keeps it running (for working on the suite): tsx e2e/support/dev-stack.ts [--no-web] [--web-port N]
import { startStack } from './stack.js';

const webPortIndex = process.argv.indexOf('--web-port');
const stack = await startStack({
  web: !process.argv.includes('--no-web'),
  ...(webPortIndex > 0 ? { webPort: Number(process.argv[webPortIndex + 1]) } : {}),
});
console.log(JSON.stringify({ webUrl: stack.webUrl, apiUrl: stack.apiUrl, idpUrl: stack.idpUrl, databaseUrl: stack.databaseUrl }));
const stop = () => void stack.stop().then(() => process.exit(0));
process.on('SIGINT', stop);
process.on('SIGTERM', stop);
