import type { TableLink } from './association-graph.js';

/**
 * For each table t and link j, whether the side of the forest reached from t away from link j
 * holds a selection on any field other than that link's own: such a side must take part in every
 * satisfying combination, so its message excludes missing partners; an unconstrained side
 * accepts anything. `selectsOtherThan(t, field)` says whether table t has a selection on a field
 * other than `field`.
 */
export function constrainedSides(
  links: readonly (readonly TableLink[])[],
  selectsOtherThan: (table: number, field: number) => boolean,
): boolean[][] {
  const memo = links.map((l) => l.map((): boolean | undefined => undefined));
  const side = (table: number, j: number): boolean => {
    const known = memo[table]?.[j];
    if (known !== undefined) return known;
    const tableLinks = links[table] ?? [];
    const field = tableLinks[j]?.field ?? -1;
    let result = selectsOtherThan(table, field);
    for (let other = 0; !result && other < tableLinks.length; other++) {
      if (other === j) continue;
      const link = tableLinks[other] as TableLink;
      result = link.partners.some((partner) =>
        side(partner, links[partner]?.findIndex((l) => l.field === link.field) ?? -1),
      );
    }
    (memo[table] as (boolean | undefined)[])[j] = result;
    return result;
  };
  return links.map((l, t) => l.map((_, j) => side(t, j)));
}
