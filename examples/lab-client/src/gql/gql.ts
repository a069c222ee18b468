/* eslint-disable */
import * as types from './graphql.js';
import type { TypedDocumentNode as DocumentNode } from '@graphql-typed-document-node/core';

/**
 * Map of all GraphQL operations in the project.
 *
 * This map has several performance disadvantages:
 * 1. It is not tree-shakeable, so it will include all operations in the project.
 * 2. It is not minifiable, so the string of a GraphQL query will be multiple times inside the bundle.
 * 3. It does not support dead code elimination, so it will add unused operations.
 *
 * Therefore it is highly recommended to use the babel or swc plugin for production.
 * Learn more about it here: https://the-guild.dev/graphql/codegen/plugins/presets/preset-client#reducing-bundle-size
 */
type Documents = {
    "\n  query NewOrders($first: Int) {\n    orders(first: $first, filter: { status: [ISSUED] }) {\n      nodes {\n        id\n        number\n        version\n        status\n        availableTransitions\n      }\n    }\n  }\n": typeof types.NewOrdersDocument,
    "\n  query GetOrder($id: ID!) {\n    order(id: $id) {\n      id\n      number\n      version\n      status\n      availableTransitions\n    }\n  }\n": typeof types.GetOrderDocument,
    "\n  mutation TransitionOrder($i: TransitionOrderInput!) {\n    transitionOrder(input: $i) {\n      order {\n        id\n        number\n        version\n        status\n        availableTransitions\n      }\n      userErrors {\n        code\n        field\n        message\n      }\n    }\n  }\n": typeof types.TransitionOrderDocument,
    "\n  mutation AttachOrderReport($i: AttachOrderReportInput!) {\n    attachOrderReport(input: $i) {\n      order {\n        id\n        number\n        version\n        status\n        availableTransitions\n      }\n      userErrors {\n        code\n        field\n        message\n      }\n    }\n  }\n": typeof types.AttachOrderReportDocument,
    "\n  query OrderRejection($id: ID!) {\n    order(id: $id) {\n      id\n      number\n      version\n      status\n      availableTransitions\n      rejection {\n        code\n        label\n        text\n        at\n      }\n    }\n  }\n": typeof types.OrderRejectionDocument,
    "\n  mutation CreateWebhookEndpoint($i: CreateWebhookEndpointInput!) {\n    createWebhookEndpoint(input: $i) {\n      signingSecret\n      webhookEndpoint {\n        id\n      }\n      userErrors {\n        code\n        field\n        message\n      }\n    }\n  }\n": typeof types.CreateWebhookEndpointDocument,
};
const documents: Documents = {
    "\n  query NewOrders($first: Int) {\n    orders(first: $first, filter: { status: [ISSUED] }) {\n      nodes {\n        id\n        number\n        version\n        status\n        availableTransitions\n      }\n    }\n  }\n": types.NewOrdersDocument,
    "\n  query GetOrder($id: ID!) {\n    order(id: $id) {\n      id\n      number\n      version\n      status\n      availableTransitions\n    }\n  }\n": types.GetOrderDocument,
    "\n  mutation TransitionOrder($i: TransitionOrderInput!) {\n    transitionOrder(input: $i) {\n      order {\n        id\n        number\n        version\n        status\n        availableTransitions\n      }\n      userErrors {\n        code\n        field\n        message\n      }\n    }\n  }\n": types.TransitionOrderDocument,
    "\n  mutation AttachOrderReport($i: AttachOrderReportInput!) {\n    attachOrderReport(input: $i) {\n      order {\n        id\n        number\n        version\n        status\n        availableTransitions\n      }\n      userErrors {\n        code\n        field\n        message\n      }\n    }\n  }\n": types.AttachOrderReportDocument,
    "\n  query OrderRejection($id: ID!) {\n    order(id: $id) {\n      id\n      number\n      version\n      status\n      availableTransitions\n      rejection {\n        code\n        label\n        text\n        at\n      }\n    }\n  }\n": types.OrderRejectionDocument,
    "\n  mutation CreateWebhookEndpoint($i: CreateWebhookEndpointInput!) {\n    createWebhookEndpoint(input: $i) {\n      signingSecret\n      webhookEndpoint {\n        id\n      }\n      userErrors {\n        code\n        field\n        message\n      }\n    }\n  }\n": types.CreateWebhookEndpointDocument,
};

/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 *
 *
 * @example
 * ```ts
 * const query = graphql(`query GetUser($id: ID!) { user(id: $id) { name } }`);
 * ```
 *
 * The query argument is unknown!
 * Please regenerate the types.
 */
export function graphql(source: string): unknown;

/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  query NewOrders($first: Int) {\n    orders(first: $first, filter: { status: [ISSUED] }) {\n      nodes {\n        id\n        number\n        version\n        status\n        availableTransitions\n      }\n    }\n  }\n"): (typeof documents)["\n  query NewOrders($first: Int) {\n    orders(first: $first, filter: { status: [ISSUED] }) {\n      nodes {\n        id\n        number\n        version\n        status\n        availableTransitions\n      }\n    }\n  }\n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  query GetOrder($id: ID!) {\n    order(id: $id) {\n      id\n      number\n      version\n      status\n      availableTransitions\n    }\n  }\n"): (typeof documents)["\n  query GetOrder($id: ID!) {\n    order(id: $id) {\n      id\n      number\n      version\n      status\n      availableTransitions\n    }\n  }\n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  mutation TransitionOrder($i: TransitionOrderInput!) {\n    transitionOrder(input: $i) {\n      order {\n        id\n        number\n        version\n        status\n        availableTransitions\n      }\n      userErrors {\n        code\n        field\n        message\n      }\n    }\n  }\n"): (typeof documents)["\n  mutation TransitionOrder($i: TransitionOrderInput!) {\n    transitionOrder(input: $i) {\n      order {\n        id\n        number\n        version\n        status\n        availableTransitions\n      }\n      userErrors {\n        code\n        field\n        message\n      }\n    }\n  }\n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  mutation AttachOrderReport($i: AttachOrderReportInput!) {\n    attachOrderReport(input: $i) {\n      order {\n        id\n        number\n        version\n        status\n        availableTransitions\n      }\n      userErrors {\n        code\n        field\n        message\n      }\n    }\n  }\n"): (typeof documents)["\n  mutation AttachOrderReport($i: AttachOrderReportInput!) {\n    attachOrderReport(input: $i) {\n      order {\n        id\n        number\n        version\n        status\n        availableTransitions\n      }\n      userErrors {\n        code\n        field\n        message\n      }\n    }\n  }\n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  query OrderRejection($id: ID!) {\n    order(id: $id) {\n      id\n      number\n      version\n      status\n      availableTransitions\n      rejection {\n        code\n        label\n        text\n        at\n      }\n    }\n  }\n"): (typeof documents)["\n  query OrderRejection($id: ID!) {\n    order(id: $id) {\n      id\n      number\n      version\n      status\n      availableTransitions\n      rejection {\n        code\n        label\n        text\n        at\n      }\n    }\n  }\n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  mutation CreateWebhookEndpoint($i: CreateWebhookEndpointInput!) {\n    createWebhookEndpoint(input: $i) {\n      signingSecret\n      webhookEndpoint {\n        id\n      }\n      userErrors {\n        code\n        field\n        message\n      }\n    }\n  }\n"): (typeof documents)["\n  mutation CreateWebhookEndpoint($i: CreateWebhookEndpointInput!) {\n    createWebhookEndpoint(input: $i) {\n      signingSecret\n      webhookEndpoint {\n        id\n      }\n      userErrors {\n        code\n        field\n        message\n      }\n    }\n  }\n"];

export function graphql(source: string) {
  return (documents as any)[source] ?? {};
}

export type DocumentType<TDocumentNode extends DocumentNode<any, any>> = TDocumentNode extends DocumentNode<  infer TType,  any>  ? TType  : never;