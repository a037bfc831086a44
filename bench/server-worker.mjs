// Worker-thread entry of bench/server.ts: registers tsx in this thread, then runs the server.
import { register } from 'tsx/esm/api';

register();
await import('./server-worker.ts');
