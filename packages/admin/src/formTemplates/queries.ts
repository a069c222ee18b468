/** GraphQL text of the form templates screen (ADMIN, OPERATOR). */
const FIELDS = "id version specialty templateVersion title schema active createdAt createdByName";
const ERRORS = "userErrors { code field message }";

export const TEMPLATES = `query FormTemplateAdmin { formTemplates(all: true) { ${FIELDS} } }`;
export const CREATE = `mutation CreateFormTemplate($input: CreateFormTemplateInput!) {
  createFormTemplate(input: $input) { formTemplate { id } ${ERRORS} } }`;
export const CREATE_VERSION = `mutation CreateFormTemplateVersion($input: CreateFormTemplateVersionInput!) {
  createFormTemplateVersion(input: $input) { formTemplate { id } ${ERRORS} } }`;
export const ACTIVATE = `mutation ActivateFormTemplate($input: FormTemplateStateInput!) {
  activateFormTemplate(input: $input) { formTemplate { id } ${ERRORS} } }`;
export const RETIRE = `mutation RetireFormTemplate($input: FormTemplateStateInput!) {
  retireFormTemplate(input: $input) { formTemplate { id } ${ERRORS} } }`;

export interface TemplateRow {
  id: string;
  version: number;
  specialty: string;
  templateVersion: number;
  title: string;
  schema: Record<string, unknown>;
  active: boolean;
  createdAt: string;
  createdByName: string | null;
}

export interface MutationAnswer {
  formTemplate: { id: string } | null;
  userErrors: { code: string; field: string[] | null; message: string }[];
}

/** The versions of each specialty, newest first; specialties in alphabetical order. */
export function bySpecialty(rows: TemplateRow[]): [string, TemplateRow[]][] {
  const groups = new Map<string, TemplateRow[]>();
  for (const row of rows) groups.set(row.specialty, [...(groups.get(row.specialty) ?? []), row]);
  return [...groups.entries()]
    .sort(([a], [b]) => a.localeCompare(b))
    .map(([specialty, versions]) => [specialty, versions.sort((a, b) => b.templateVersion - a.templateVersion)]);
}
