// Lets a child `node` process run the workers from TypeScript source, the way vitest
// does in-process: SWC with decorator metadata, `.js` specifiers resolved to the `.ts`
// files beside them, and @clinigraph/api aliased to the API's source.
import { register } from "node:module";

register("./ts-hooks.fixtures.mjs", import.meta.url);
