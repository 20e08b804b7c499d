/**
 * Small-count suppression for a table whose figures are linked by sums (a total and its breakdown, a
 * period and its months). Rule, applied to every cell and every sum:
 * 1. primary: a count under the threshold (0 included) is hidden;
 * 2. secondary: in every sum relation (a total and the cells adding up to it) the number of hidden
 *    figures is never exactly one, otherwise the hidden one is the total minus the others. When it is
 *    one, the smallest visible figure of that relation is hidden too; this repeats until no relation
 *    has a single hidden figure.
 * Hidden figures leave the server as null: the client shows "< 5", never a number.
 */
export class LinkedCounts {
  private readonly values: number[] = [];
  private readonly relations: number[][] = [];

  /** Adds a figure; returns its handle. */
  add(value: number): number {
    this.values.push(value);
    return this.values.length - 1;
  }

  /** Declares that `total` is the sum of `parts`. */
  sum(total: number, parts: readonly number[]): void {
    if (parts.length > 0) this.relations.push([total, ...parts]);
  }

  /** The figures with the suppressed ones as null, by handle. */
  suppressed(threshold: number): (number | null)[] {
    const hidden = this.values.map((value) => value < threshold);
    let changed = true;
    while (changed) {
      changed = false;
      for (const relation of this.relations) {
        if (relation.filter((handle) => hidden[handle]).length !== 1) continue;
        let pick = -1;
        for (const handle of relation) {
          if (!hidden[handle] && (pick < 0 || (this.values[handle] ?? 0) < (this.values[pick] ?? 0))) pick = handle;
        }
        if (pick >= 0) {
          hidden[pick] = true;
          changed = true;
        }
      }
    }
    return this.values.map((value, handle) => (hidden[handle] ? null : value));
  }

  /** For tests: the sum relations declared, as handles. */
  get sums(): readonly (readonly number[])[] {
    return this.relations;
  }
}
