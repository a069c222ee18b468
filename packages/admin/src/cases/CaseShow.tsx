import { RelatedShow } from "../views/RelatedShow";

/** A case (expediente): its sections, then what was done for it (orders, visits, claims) and its history. */
export default function CaseShow() {
  return (
    <RelatedShow
      resource="cases"
      related={[
        ["orders", "caseId"],
        ["visits", "caseId"],
        ["claims", "caseId"],
      ]}
      history={{ query: "case", statusEnum: "CaseStatus" }}
    />
  );
}
