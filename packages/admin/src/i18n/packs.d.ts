// Community message packs that ship without TypeScript declarations.
declare module "@blackbox-vision/ra-language-spanish" {
  const messages: import("react-admin").TranslationMessages;
  export default messages;
}
declare module "ra-language-bulgarian" {
  const messages: import("react-admin").TranslationMessages;
  export = messages;
}
