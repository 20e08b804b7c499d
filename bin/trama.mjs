#!/usr/bin/env node
// Runs the TypeScript CLI without a build step: `npx trama migrate | seed-demo | create-user | serve`.
import { register } from 'tsx/esm/api';

register();
await import('../src/cli.ts');
