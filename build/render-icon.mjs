// Renders build/icon.svg to the 1024 px PNG electron-builder turns into every
// platform's icon (.icns, .ico, the Linux sizes). Run after editing the SVG:
//   node build/render-icon.mjs
import { fileURLToPath } from 'node:url';
import sharp from 'sharp';

const svg = fileURLToPath(new URL('./icon.svg', import.meta.url));
const png = fileURLToPath(new URL('./icon.png', import.meta.url));
await sharp(svg, { density: 72 }).resize(1024, 1024).png({ compressionLevel: 9 }).toFile(png);
console.log(`wrote ${png}`);
