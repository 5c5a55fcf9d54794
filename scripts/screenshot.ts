// Screenshots of a built site, for people to look at: node scripts/screenshot.ts [DIST] [OUT_DIR] [PATH…]
import { mkdir } from 'node:fs/promises';
import { join } from 'node:path';
import { launchChromium } from './support/browser.ts';
import { serveStatic } from './support/static-server.ts';

const [dist = 'dist', out = 'test-results/screenshots', ...paths] = process.argv.slice(2);
await mkdir(out, { recursive: true });
const server = await serveStatic(dist);
const browser = await launchChromium();
try {
  for (const path of paths.length > 0 ? paths : ['']) {
    for (const width of [1280, 375]) {
      const page = await browser.newPage({ viewport: { width, height: 900 } });
      await page.goto(new URL(path, server.url).href);
      const file = join(out, `${path.replace(/[^\w]+/g, '-') || 'home'}-${width}.png`);
      await page.screenshot({ path: file, fullPage: true });
      console.log(file);
      await page.close();
    }
  }
} finally {
  await browser.close();
  await server.close();
}
