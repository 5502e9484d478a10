// Shared by scripts/module-sizes.mjs and scripts/compressed-sizes.mjs: a buffer's raw, gzip -9
// and brotli 11 sizes (Node's zlib), and right-aligned columns.
import zlib from 'node:zlib';

export const sizes = (buf) => ({
  raw: buf.length,
  gzip: zlib.gzipSync(buf, { level: 9 }).length,
  br: zlib.brotliCompressSync(buf, {
    params: { [zlib.constants.BROTLI_PARAM_QUALITY]: 11, [zlib.constants.BROTLI_PARAM_SIZE_HINT]: buf.length },
  }).length,
});

export const pad = (s, n) => String(s).padStart(n);
