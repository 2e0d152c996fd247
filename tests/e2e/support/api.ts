// What the browser tests do through the API instead of a screen: staff's side (officers have
// no screens yet), tokens, and photos the tests make.
import fs from 'node:fs';
import path from 'node:path';
import sharp from 'sharp';

export class ApiClient {
  constructor(readonly baseUrl: string) {}

  async call<T>(method: string, route: string, body?: unknown, token?: string): Promise<T> {
    const res = await fetch(`${this.baseUrl}${route}`, {
      method,
      headers: { 'Content-Type': 'application/json', ...(token ? { Authorization: `Bearer ${token}` } : {}) },
      body: body === undefined ? undefined : JSON.stringify(body),
    });
    const json = (await res.json()) as T;
    if (!res.ok) throw new Error(`${method} ${route} → ${res.status} ${JSON.stringify(json)}`);
    return json;
  }

  async demoToken(openid: string): Promise<string> {
    return (await this.call<{ token: string }>('POST', '/api/auth/dev', { openid })).token;
  }

  /** POST /api/media as the phone's uploadFile does (multipart, field `file`). */
  async upload(token: string, bytes: Buffer, name: string): Promise<{ id: string; url: string; thumbUrl: string }> {
    const form = new FormData();
    form.append('file', new Blob([new Uint8Array(bytes)], { type: 'image/jpeg' }), name);
    const res = await fetch(`${this.baseUrl}/api/media`, { method: 'POST', headers: { Authorization: `Bearer ${token}` }, body: form });
    const json = (await res.json()) as { id: string; url: string; thumbUrl: string };
    if (res.status !== 201) throw new Error(`POST /api/media → ${res.status} ${JSON.stringify(json)}`);
    return json;
  }

  /** A stored photo through its signed URL, as <image> loads it: no token. */
  async photo(signedUrl: string): Promise<Buffer> {
    const res = await fetch(`${this.baseUrl}${signedUrl}`);
    if (res.status !== 200) throw new Error(`GET ${signedUrl} → ${res.status}`);
    return Buffer.from(await res.arrayBuffer());
  }

  /** The status of GET /api/me with `token` (401 once the session is dead). */
  async meStatus(token: string): Promise<number> {
    return (await fetch(`${this.baseUrl}/api/me`, { headers: { Authorization: `Bearer ${token}` } })).status;
  }
}

/** EXIF a phone camera writes, GPS included: what the stored copy must not carry. */
const CAMERA_EXIF = {
  IFD0: { Make: 'CityCarePhone', Model: 'Test' },
  IFD3: { GPSLatitudeRef: 'N', GPSLatitude: '32/1 32/1 2/1', GPSLongitudeRef: 'E', GPSLongitude: '120/1 27/1 34/1' },
};

/** Noise is what makes a phone photo heavy: 3000×2000 of it is several MB as a PNG. */
export async function heavyPhoto(dir: string, name: string, seed: number): Promise<string> {
  const width = 3000;
  const height = 2000;
  const raw = Buffer.alloc(width * height * 3);
  let x = seed;
  for (let i = 0; i < raw.length; i++) {
    x = (x * 1103515245 + 12345) & 0x7fffffff;
    raw[i] = (x >> 16) & 0xff;
  }
  const file = path.join(dir, name);
  await sharp(raw, { raw: { width, height, channels: 3 } }).png({ compressionLevel: 1 }).toFile(file);
  return file;
}

/** A small camera JPEG with GPS in its EXIF: it fits the upload limits, so the phone sends it as it is. */
export async function cameraJpeg(colour: { r: number; g: number; b: number }): Promise<Buffer> {
  return sharp({ create: { width: 1200, height: 900, channels: 3, background: colour } })
    .composite([{ input: Buffer.from('<svg width="1200" height="900"><circle cx="600" cy="450" r="300" fill="#fff"/></svg>') }])
    .withExif(CAMERA_EXIF)
    .jpeg({ quality: 85 })
    .toBuffer();
}

export async function cameraJpegFile(dir: string, name: string, colour: { r: number; g: number; b: number }): Promise<string> {
  const file = path.join(dir, name);
  fs.writeFileSync(file, await cameraJpeg(colour));
  return file;
}

/** EXIF, XMP or ICC left in a stored photo (all absent: nothing about the camera or the place survives). */
export async function metadataLeft(bytes: Buffer): Promise<string[]> {
  const meta = await sharp(bytes).metadata();
  return (['exif', 'xmp', 'icc'] as const).filter((k) => meta[k] !== undefined);
}
