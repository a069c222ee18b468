import path from "node:path";

const EXTENSIONS: Record<string, string> = {
  "application/pdf": "pdf",
  "image/png": "png",
  "image/jpeg": "jpg",
  "image/tiff": "tif",
};
export const ALLOWED_CONTENT_TYPES = Object.keys(EXTENSIONS);

/**
 * A client's file name is only a label: keep the last path segment, drop control and
 * shell/HTML-special characters and leading dots, cap the length, and fall back to a
 * neutral name. It is never used to build a storage path.
 */
export function sanitizeFileName(original: string | undefined, contentType: string): string {
  const base = (original ?? "").split(/[\\/]/).pop() ?? "";
  const cleaned = base
    .normalize("NFC")
    // eslint-disable-next-line no-control-regex
    .replace(/[\u0000-\u001f\u007f<>:"|?*`$;&'{}[\]]/g, "_")
    .replace(/\s+/g, " ")
    .replace(/^[.\s_]+/, "")
    .trim();
  const ext = EXTENSIONS[contentType] ?? "bin";
  const name = cleaned.length > 0 ? cleaned : `upload.${ext}`;
  if (name.length <= 200) return name;
  const parsed = path.parse(name);
  return `${parsed.name.slice(0, 200 - parsed.ext.length)}${parsed.ext}`;
}
