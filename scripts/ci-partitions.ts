#!/usr/bin/env node
// For the deploy workflow: how many partitions the site builds in, as
// GitHub Actions outputs (`partitions=3`, `matrix=[1,2,3]`). One means one
// build job; more, a job per partition (README, "Large archives"). It is the
// count `npm run build` would cut the archive into on one machine
// (`partitionSize` of dossier.config.ts), unless DOSSIER_PARTITIONS says.
// Usage: node scripts/ci-partitions.ts >> "$GITHUB_OUTPUT"
import { config, documentsDir } from '../src/config.ts';
import { partitionsFor } from './support/partitions.ts';

const asked = Number(process.env.DOSSIER_PARTITIONS);
const partitions = Number.isInteger(asked) && asked >= 1 ? asked : await partitionsFor(documentsDir(), config.partitionSize);
console.log(`partitions=${partitions}`);
console.log(`matrix=${JSON.stringify(Array.from({ length: partitions }, (_, index) => index + 1))}`);
