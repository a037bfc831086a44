// Worker-thread entry: registers tsx in this thread, then runs the TypeScript worker.
import { register } from 'tsx/esm/api';

register();
await import('./naive-coverage-worker.ts');
