// P3: uploading a 12-megapixel JPEG (POST /api/media: multipart parse, kind
// and pixel checks, re-encode to ≤ 2048 px + a 480 px thumbnail, storage)
// vs sharp's own resize + encode of the same file in this process, one at a
// time; then the API process's peak RSS (VmHWM) while 10 of them upload at
// once. Targets: ≤ 1.25× sharp's time, ≤ 200 MB. `npm run bench -- p3`.
const fs = require('node:fs');
const path = require('node:path');
const sharp = require('sharp');
const { startBenchStack } = require('./stack');
const { signIn, startStandin } = require('./sign-in');
const { ROOT, run } = require('../../tools/lib/proc');

const ROUNDS = Number(process.env.P3_ROUNDS ?? 8);
const CONCURRENT = Number(process.env.P3_CONCURRENT ?? 10);

/** A 4000×3000 photo-like JPEG (smooth gradient + grain) under the 10 MB upload limit. */
async function twelveMegapixels() {
  const width = 4000;
  const height = 3000;
  const raw = Buffer.alloc(width * height * 3);
  let seed = 7;
  for (let y = 0; y < height; y++) {
    for (let x = 0; x < width; x++) {
      seed = (seed * 1103515245 + 12345) & 0x7fffffff;
      const grain = (seed >> 16) % 24;
      const i = (y * width + x) * 3;
      raw[i] = (x * 255) / width + grain;
      raw[i + 1] = (y * 255) / height + grain;
      raw[i + 2] = 128 + grain;
    }
  }
  return sharp(raw, { raw: { width, height, channels: 3 } }).jpeg({ quality: 90 }).toBuffer();
}

/** The same bytes with a different tail after the JPEG's end: decoders ignore it, the upload's hash does not. */
const variant = (jpeg, i) => Buffer.concat([jpeg, Buffer.from(`p3-${process.pid}-${i}-${Date.now()}`)]);

/** sharp alone: what processPhoto (server/src/modules/media/media.image.ts) does, minus the API around it. */
async function sharpOnly(input) {
  const full = await sharp(input).rotate().resize({ width: 2048, height: 2048, fit: 'inside', withoutEnlargement: true }).flatten({ background: '#ffffff' }).jpeg({ quality: 82 }).toBuffer();
  await sharp(full).resize({ width: 480, height: 480, fit: 'inside', withoutEnlargement: true }).jpeg({ quality: 75 }).toBuffer();
}

function peakRssMb(pid) {
  const status = fs.readFileSync(`/proc/${pid}/status`, 'utf8');
  return Number(/VmHWM:\s+(\d+) kB/.exec(status)[1]) / 1024;
}

function rssMb(pid) {
  const status = fs.readFileSync(`/proc/${pid}/status`, 'utf8');
  return Number(/VmRSS:\s+(\d+) kB/.exec(status)[1]) / 1024;
}

const median = (xs) => [...xs].sort((a, b) => a - b)[Math.floor(xs.length / 2)];

async function benchP3(options = {}) {
  await run(process.execPath, [path.join(ROOT, 'node_modules', 'typescript', 'bin', 'tsc'), '-b', 'shared', 'server'], { quiet: true });
  const standin = await startStandin();
  const stack = await startBenchStack(options);
  try {
    const jpeg = await twelveMegapixels();
    const meta = await sharp(jpeg).metadata();
    const users = [];
    for (let i = 0; i < CONCURRENT; i++) users.push((await signIn(stack.baseUrl, `p3-${process.pid}-${i}`)).auth);
    const upload = async (auth, bytes) => {
      const form = new FormData();
      form.append('file', new Blob([bytes], { type: 'image/jpeg' }), 'photo.jpg');
      const res = await fetch(`${stack.baseUrl}/api/media`, { method: 'POST', headers: { authorization: auth }, body: form });
      await res.arrayBuffer();
      if (res.status !== 201) throw new Error(`POST /api/media → ${res.status}`);
    };

    // Peak memory first, on a fresh process: 10 residents upload at once.
    const idle = rssMb(stack.pid);
    const started = Date.now();
    const each = await Promise.all(
      users.map(async (auth, i) => {
        const t = Date.now();
        await upload(auth, variant(jpeg, `c${i}`));
        return Date.now() - t;
      }),
    );
    const concurrentMs = Date.now() - started;
    const peak = peakRssMb(stack.pid);

    const apiMs = [];
    const sharpMs = [];
    for (let i = 0; i < ROUNDS; i++) {
      const bytes = variant(jpeg, i);
      let t = performance.now();
      await sharpOnly(bytes);
      sharpMs.push(performance.now() - t);
      t = performance.now();
      await upload(users[i % users.length], bytes);
      apiMs.push(performance.now() - t);
    }
    const store = options.env?.MEDIA_STORAGE === 's3' ? 'S3 (tools/s3-server)' : 'local folder';
    console.log(`P3 (${meta.width}×${meta.height} JPEG, ${(jpeg.length / 1048576).toFixed(1)} MB; ${ROUNDS} rounds, medians; store: ${store})`);
    console.log(`sharp resize + encode (full + thumb)   ${median(sharpMs).toFixed(0).padStart(6)} ms`);
    console.log(`API upload + check + re-encode + store ${median(apiMs).toFixed(0).padStart(6)} ms`);
    console.log(`API / sharp: ${(median(apiMs) / median(sharpMs)).toFixed(2)}× (target ≤ 1.25×)`);
    console.log(`${CONCURRENT} uploads at once: ${concurrentMs} ms in all, slowest ${Math.max(...each)} ms; API RSS ${idle.toFixed(0)} MB idle, peak ${peak.toFixed(0)} MB (target ≤ 200 MB)`);
    return { ratio: median(apiMs) / median(sharpMs), peak };
  } finally {
    await stack.stop();
    await standin.stop();
  }
}

module.exports = { benchP3 };

if (require.main === module) benchP3().catch((err) => {
  console.error(err);
  process.exit(1);
});
