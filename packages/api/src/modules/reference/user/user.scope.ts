import { defineScope } from "../../../platform/scoping/scope.js";

// Staff directory: staff see every user; partners never see staff rows (names, phones).
defineScope("User", (p) => (p.kind === "STAFF" ? "ALL" : "NONE"));
defineScope("VisitorHospital", (p) => (p.kind === "STAFF" ? "ALL" : "NONE"));
