type Tree = { [key: string]: unknown };

const isTree = (value: unknown): value is Tree => typeof value === "object" && value !== null && !Array.isArray(value);

/**
 * Deep merge of message trees, later trees winning. Community packs written for
 * older react-admin versions lack newer keys; merging over English means a
 * missing key shows English instead of the raw key.
 */
export function mergeMessages<T extends Tree>(...trees: Tree[]): T {
  const result: Tree = {};
  for (const tree of trees) {
    for (const [key, value] of Object.entries(tree)) {
      const current = result[key];
      result[key] = isTree(current) && isTree(value) ? mergeMessages(current, value) : value;
    }
  }
  return result as T;
}
