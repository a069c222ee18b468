import type { NextFunction, Request, Response } from "express";
import type { ApolloServerPlugin } from "@apollo/server";
import { Counter, Histogram, type Registry } from "prom-client";
import type { GraphQLLogFields } from "../http/request-log.js";
import { boundedLabel } from "./metrics.js";

const SECONDS = [0.005, 0.01, 0.025, 0.05, 0.1, 0.25, 0.5, 1, 2.5, 5, 10];

export interface HttpMetrics {
  middleware: (req: Request, res: Response, next: NextFunction) => void;
  /** Counts top-level GraphQL errors by their code (extensions.code). */
  apolloPlugin: ApolloServerPlugin;
}

/**
 * Request rate and latency: per route for REST, per operation (name and type) for
 * /graphql, read when the response finishes; top-level GraphQL errors by code.
 */
export function httpMetrics(registry: Registry): HttpMetrics {
  const httpDuration = new Histogram({
    name: "clinigraph_http_request_duration_seconds",
    help: "HTTP requests by route, method and status: count (rate) and latency.",
    labelNames: ["route", "method", "status"],
    buckets: SECONDS,
    registers: [registry],
  });
  const gqlDuration = new Histogram({
    name: "clinigraph_graphql_operation_duration_seconds",
    help: "GraphQL operations by name and type: count (rate) and latency.",
    labelNames: ["operation", "type", "status"],
    buckets: SECONDS,
    registers: [registry],
  });
  const gqlErrors = new Counter({
    name: "clinigraph_graphql_errors_total",
    help: "Top-level GraphQL errors by code (UNAUTHENTICATED, FORBIDDEN, RATE_LIMITED, …).",
    labelNames: ["code"],
    registers: [registry],
  });
  const operation = boundedLabel(200);

  const middleware = (req: Request, res: Response, next: NextFunction) => {
    const started = process.hrtime.bigint();
    res.on("finish", () => {
      const seconds = Number(process.hrtime.bigint() - started) / 1e9;
      const status = String(res.statusCode);
      const gql = res.locals.graphql as GraphQLLogFields | undefined;
      if (req.originalUrl.startsWith("/graphql") && gql) {
        gqlDuration.observe(
          { operation: operation(gql.operationName), type: gql.operationType ?? "none", status },
          seconds,
        );
        return;
      }
      // The route pattern, never the raw path: ids would make a series per row.
      const route = req.route?.path ? `${req.baseUrl}${String(req.route.path)}` : "unmatched";
      httpDuration.observe({ route, method: req.method, status }, seconds);
    });
    next();
  };

  const apolloPlugin: ApolloServerPlugin = {
    async requestDidStart() {
      return {
        async didEncounterErrors({ errors }) {
          for (const e of errors) gqlErrors.inc({ code: String(e.extensions?.code ?? "INTERNAL_SERVER_ERROR") });
        },
      };
    },
  };
  return { middleware, apolloPlugin };
}
