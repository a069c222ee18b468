import { RelatedShow } from "../views/RelatedShow";

/** A patient: person, contact and insurance, then their policies, cases, visits and claims, and the history. */
export default function PatientShow() {
  return (
    <RelatedShow
      resource="patients"
      related={[
        ["policies", "patientId"],
        ["cases", "patientId"],
        ["visits", "patientId"],
        ["claims", "patientId"],
      ]}
      history={{ query: "patient", statusEnum: "PatientStatus" }}
    />
  );
}
