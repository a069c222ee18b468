import { open } from "node:fs/promises";
import { imageSize } from "image-size";

/**
 * Browsers render a document as HTML when its first bytes look like markup, whatever the
 * declared type (WHATWG MIME sniffing, and older engines scanned further in). A report that
 * is sniffable as HTML is a stored-XSS vehicle, so besides being identified as exactly one
 * allowed type it must not start like HTML nor carry an active tag in its sniffing window.
 */
const HTML_PREFIX = /^[\s\uFEFF]*<(!doctype html|html|head|body|script|iframe|svg|\?xml|!--|a\s|div|table|p[\s>])/i;
const ACTIVE_TAG = /<\s*(script|iframe|object|embed|html|body|svg)[\s>/]/i;
export const SNIFF_WINDOW = 1024;

export function looksLikeHtml(data: Buffer): boolean {
  const head = data.subarray(0, SNIFF_WINDOW).toString("latin1");
  return HTML_PREFIX.test(head) || ACTIVE_TAG.test(head);
}

/**
 * Decoded size bound for images (Pillow's decompression-bomb threshold). A small deflate
 * stream can claim gigabytes of pixels; whoever previews the report would inflate it.
 */
export const MAX_IMAGE_PIXELS = 89_478_485;

/** Declared pixel count of an image, or null when its header cannot be read. */
export function declaredPixels(data: Buffer): number | null {
  try {
    const { width, height, images } = imageSize(data);
    const pages = images ?? [{ width, height }];
    return pages.reduce((sum, p) => sum + (p.width ?? 0) * (p.height ?? 0), 0);
  } catch {
    return null;
  }
}

/** What image-size itself reads of a file: enough for every header it knows but a TIFF's. */
const IMAGE_HEADER_WINDOW = 512 * 1024;
const TIFF_IFD_WINDOW = 64 * 1024;

/**
 * The bytes of an uploaded image that `declaredPixels` needs, read from disk rather than
 * holding the upload in memory. A TIFF may put its first IFD (where width and height are)
 * after the pixel data, at the end of the file; its header and that IFD are then joined
 * as if the IFD followed the header, which is all image-size reads of a TIFF.
 */
export async function imageHeaderOf(filePath: string, size: number): Promise<Buffer> {
  const file = await open(filePath, "r");
  try {
    const head = Buffer.alloc(Math.min(size, IMAGE_HEADER_WINDOW));
    await file.read(head, 0, head.length, 0);
    const tiff = head.length >= 8 ? head.toString("latin1", 0, 4) : "";
    if (tiff !== "II*\0" && tiff !== "MM\0*") return head;
    const le = tiff === "II*\0";
    const ifd = le ? head.readUInt32LE(4) : head.readUInt32BE(4);
    if (ifd + TIFF_IFD_WINDOW <= head.length || ifd >= size) return head;
    const tail = Buffer.alloc(Math.min(size - ifd, TIFF_IFD_WINDOW));
    await file.read(tail, 0, tail.length, ifd);
    const joined = Buffer.concat([head.subarray(0, 8), tail]);
    if (le) joined.writeUInt32LE(8, 4);
    else joined.writeUInt32BE(8, 4);
    return joined;
  } finally {
    await file.close();
  }
}
