#!/usr/bin/env node
// The CLI ships as an esbuild bundle, like the actions, so `npx resilience-gates` needs no build step.
import './dist/index.js';
