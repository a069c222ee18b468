/** The console screen of the configurable document types (ADMIN). */
export const document_type_admin = {
  create: "New document type",
  edit: "Edit",
  code: "Code",
  code_hint: "Upper-case letters, digits and _, e.g. DENTAL_XRAY. It cannot change later.",
  name: "Name",
  description: "Description",
  required_for: "Required before submitting claims of kind",
  active: "Active",
  position: "Order",
  saved: "Document type saved",
};
