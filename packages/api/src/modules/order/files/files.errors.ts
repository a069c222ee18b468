/**
 * The codes of the file routes (`POST /files`, `GET /files/:id`), answered in the REST
 * `errors` body with the HTTP status given here; docs/partners.md §11 lists them.
 */
export enum FileErrorCode {
  EMPTY_FILE = "EMPTY_FILE",
  FILE_REQUIRED = "FILE_REQUIRED",
  MALFORMED_MULTIPART = "MALFORMED_MULTIPART",
  FILE_TOO_LARGE = "FILE_TOO_LARGE",
  QUOTA_EXCEEDED = "QUOTA_EXCEEDED",
  UNSUPPORTED_MEDIA_TYPE = "UNSUPPORTED_MEDIA_TYPE",
  UNSUPPORTED_FILE_TYPE = "UNSUPPORTED_FILE_TYPE",
  IMAGE_TOO_LARGE = "IMAGE_TOO_LARGE",
}

export const FILE_ERRORS: Record<keyof typeof FileErrorCode, { http: number; action: string }> = {
  EMPTY_FILE: { http: 400, action: "the file is empty" },
  FILE_REQUIRED: { http: 400, action: "send the file in a multipart part named `file`" },
  MALFORMED_MULTIPART: { http: 400, action: "the multipart body could not be read" },
  FILE_TOO_LARGE: { http: 413, action: "the file is over the upload size limit" },
  QUOTA_EXCEEDED: { http: 413, action: "the upload would take your organisation over its storage quota" },
  UNSUPPORTED_MEDIA_TYPE: { http: 415, action: "send the file as multipart/form-data" },
  UNSUPPORTED_FILE_TYPE: { http: 415, action: "only PDF, PNG, JPEG and TIFF documents, identified by content" },
  IMAGE_TOO_LARGE: { http: 422, action: "the image header is unreadable or declares too many pixels" },
};
