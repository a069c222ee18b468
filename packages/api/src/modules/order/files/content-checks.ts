import { imageSize } from "image-size";

/**
 * Browsers render a document as HTML when its first bytes look like markup, whatever the
 * declared type (WHATWG MIME sniffing, and older engines scanned further in). A report that
 * is sniffable as HTML is a stored-XSS vehicle, so besides being identified as exactly one
 * allowed type it must not start like HTML nor carry an active tag in its sniffing window.
 */
const HTML_PREFIX = /^[\s\uFEFF]*<(!doctype html|html|head|body|script|iframe|svg|\?xml|!--|a\s|div|table|p[\s>])/i;
const ACTIVE_TAG = /<\s*(script|iframe|object|embed|html|body|svg)[\s>/]/i;
const SNIFF_WINDOW = 1024;

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
