// The route tables (server/src/modules/*/*.routes.ts) against what Midway serves.

/** A concrete path for a table route: `{format}` → json, any other parameter → a made-up id. */
export function samplePath(tablePath: string): string {
  return tablePath.replace('{format}', 'json').replace(/\{[^}]+\}/g, '0123456789abcdef01234567');
}

/** Does a route Midway serves (`/api/cases/:id`) take this concrete path? */
export function tableCovers(servedPath: string, concretePath: string): boolean {
  const pattern = servedPath
    .split(/:[A-Za-z_]\w*/)
    .map((part) => part.replace(/[.*+?^${}()|[\]\\]/g, '\\$&'))
    .join('[^/]+');
  return new RegExp(`^${pattern}/?$`).test(concretePath);
}
