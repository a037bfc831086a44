#!/usr/bin/env node
// The `atlas` command: runs cli/atlas.ts through tsx (TypeScript without a build step).
import { tsImport } from 'tsx/esm/api';

await tsImport('../cli/atlas.ts', import.meta.url);
