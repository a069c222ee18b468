import type { EntityManager } from "@mikro-orm/postgresql";
import { FormTemplate } from "./form-template.entity.js";
import { FORM_TEMPLATE_SEEDS } from "./form-template-seeds.js";

export { FORM_TEMPLATE_SEEDS };

/** Idempotent: existing versions are kept. */
export async function seedFormTemplates(em: EntityManager): Promise<FormTemplate[]> {
  const out: FormTemplate[] = [];
  for (const seed of FORM_TEMPLATE_SEEDS) {
    let tpl = await em.findOne(FormTemplate, { specialty: seed.specialty, templateVersion: 1 });
    if (!tpl) {
      tpl = em.create(FormTemplate, { ...seed, templateVersion: 1 });
      em.persist(tpl);
    }
    out.push(tpl);
  }
  await em.flush();
  return out;
}
