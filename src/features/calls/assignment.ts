/**
 * Places of a place call (nursery sites × age groups): serial dictatorship in rank order. Every site
 * orders applicants by the same ranking, so this is the unique stable assignment: nobody loses a site
 * they prefer to someone ranked below them, and no site they prefer has a free place in their group.
 *
 * An applicant who got a later choice stays on the waiting lists of the sites they put before it (and
 * moves up when one frees: scorrimento), until they renounce or settle (release kinds below).
 */

export interface Capacity {
  site: string;
  group: string;
  places: number;
}

export interface Preference {
  /** Age group (or any partition of places): an applicant only takes places of their group. */
  group: string;
  /** Sites in order of preference, first = most wanted. */
  sites: readonly string[];
}

export interface AssignOptions {
  /** Only the first N sites of each applicant count (the call's form may allow fewer than given). */
  maxChoices?: number;
}

export interface Slot {
  site: string;
  group: string;
  capacity: number;
}

/**
 * Immutable: reassignAfterRelease returns a new state. Applicants by index in rank order. Choices are
 * packed in one array (`pool`, slot indices; applicant i's are pool[start[i] .. start[i] + count[i]))
 * rather than one array per applicant: at 1,000,000 applicants the small arrays cost more in garbage
 * collection than the assignment. Renouncing or settling moves `start`/`count`, never the pool.
 */
export interface AssignmentState {
  readonly ids: readonly string[];
  readonly slots: readonly Slot[];
  readonly slotIndex: ReadonlyMap<string, number>;
  readonly pool: Int32Array;
  readonly start: Int32Array;
  readonly count: Int32Array;
  /** Position among the applicant's choices of the slot held, or -1. */
  readonly held: Int32Array;
  readonly taken: Int32Array;
}

export interface HeldPlace {
  site: string;
  group: string;
  /** 1-based position among the applicant's current choices. */
  choice: number;
}

const slotKey = (site: string, group: string): string => `${site}\u0000${group}`;

function slotFor(slots: Slot[], slotIndex: Map<string, number>, site: string, group: string): number {
  const key = slotKey(site, group);
  let index = slotIndex.get(key);
  if (index === undefined) {
    // A site wanted in a group it has no places for: a slot of capacity 0 (places may be added later).
    index = slots.length;
    slots.push({ site, group, capacity: 0 });
    slotIndex.set(key, index);
  }
  return index;
}

/**
 * `ranked`: applicant ids in rank order, unique (Ranking.entries mapped to ids). Applicants without
 * preferences wait nowhere. O(n·k + s) for n applicants, k choices each, s slots.
 */
export function assignPlaces(
  ranked: readonly string[],
  capacity: readonly Capacity[],
  preferences: ReadonlyMap<string, Preference>,
  options: AssignOptions = {},
): AssignmentState {
  const slots: Slot[] = [];
  const slotIndex = new Map<string, number>();
  for (const c of capacity) {
    if (!Number.isInteger(c.places) || c.places < 0) throw new Error(`Places of ${c.site}/${c.group} must be a whole number ≥ 0`);
    slots[slotFor(slots, slotIndex, c.site, c.group)]!.capacity += c.places;
  }
  const maxChoices = options.maxChoices ?? Number.POSITIVE_INFINITY;
  const n = ranked.length;
  // Filled by push: `new Array(n)` of a million is a dictionary in V8, and every access a hash lookup.
  const wanted: (Preference | undefined)[] = [];
  let poolSize = 0;
  for (let i = 0; i < n; i += 1) {
    const preference = preferences.get(ranked[i]!);
    wanted.push(preference);
    poolSize += Math.min(preference?.sites.length ?? 0, maxChoices);
  }
  const pool = new Int32Array(poolSize);
  const start = new Int32Array(n);
  const count = new Int32Array(n);
  // Slots by group then site: one short-string lookup per choice instead of building a key.
  const byGroup = new Map<string, Map<string, number>>();
  let next = 0;
  for (let i = 0; i < n; i += 1) {
    start[i] = next;
    const preference = wanted[i];
    if (preference === undefined) continue;
    let sites = byGroup.get(preference.group);
    if (sites === undefined) byGroup.set(preference.group, (sites = new Map<string, number>()));
    for (const site of preference.sites) {
      if (next - start[i]! >= maxChoices) break;
      let slot = sites.get(site);
      if (slot === undefined) sites.set(site, (slot = slotFor(slots, slotIndex, site, preference.group)));
      // A site given twice counts once, at its first place.
      let seen = false;
      for (let c = start[i]!; c < next && !seen; c += 1) seen = pool[c] === slot;
      if (!seen) pool[next++] = slot;
    }
    count[i] = next - start[i]!;
  }
  const held = new Int32Array(n).fill(-1);
  const taken = new Int32Array(slots.length);
  for (let i = 0; i < n; i += 1) {
    for (let c = 0; c < count[i]!; c += 1) {
      const slot = pool[start[i]! + c]!;
      if (taken[slot]! < slots[slot]!.capacity) {
        taken[slot]! += 1;
        held[i] = c;
        break;
      }
    }
  }
  return { ids: ranked, slots, slotIndex, pool, start, count, held, taken };
}

/** Applicant i's current choices as slot indices, most wanted first. */
export function choicesOf(state: AssignmentState, i: number): number[] {
  return Array.from(state.pool.subarray(state.start[i], state.start[i]! + state.count[i]!));
}

const indexes = new WeakMap<readonly string[], Map<string, number>>();
/** Position in the ranking of an applicant id (built once per ranking, on first use). */
export function indexOfApplicant(state: AssignmentState, id: string): number | undefined {
  let index = indexes.get(state.ids);
  if (index === undefined) {
    index = new Map(state.ids.map((applicantId, i) => [applicantId, i]));
    indexes.set(state.ids, index);
  }
  return index.get(id);
}

export function placeOf(state: AssignmentState, id: string): HeldPlace | null {
  const i = indexOfApplicant(state, id);
  if (i === undefined || state.held[i] === -1) return null;
  const slot = state.slots[state.pool[state.start[i]! + state.held[i]!]!]!;
  return { site: slot.site, group: slot.group, choice: state.held[i]! + 1 };
}

/** Position of a slot among applicant i's choices, or -1. */
function positionOf(state: AssignmentState, i: number, slot: number): number {
  const from = state.start[i]!;
  for (let c = 0; c < state.count[i]!; c += 1) if (state.pool[from + c] === slot) return c;
  return -1;
}

/** Whether applicant i wants slot s more than what they hold: the waiting-list condition. */
function wants(state: AssignmentState, i: number, slot: number): boolean {
  const position = positionOf(state, i, slot);
  return position >= 0 && (state.held[i] === -1 || position < state.held[i]!);
}

/** Who waits for a place of this site and group, in rank order: they want it more than what they hold. O(n·k). */
export function waitingList(state: AssignmentState, site: string, group: string): string[] {
  const slot = state.slotIndex.get(slotKey(site, group));
  if (slot === undefined) return [];
  const waiting: string[] = [];
  for (let i = 0; i < state.ids.length; i += 1) if (wants(state, i, slot)) waiting.push(state.ids[i]!);
  return waiting;
}

export type Release =
  /** The applicant gives up the place they hold (or were offered). `stayForBetter`: they keep waiting for the sites they put before it; otherwise they leave the call. */
  | { kind: 'renounce'; applicantId: string; stayForBetter: boolean }
  /** The applicant accepts the place they hold and stops waiting for better ones. */
  | { kind: 'settle'; applicantId: string }
  /** More places (a new section opens, a place is freed outside the call). */
  | { kind: 'addPlaces'; site: string; group: string; places: number };

/** One offer made by the cascade: the applicant moves to `site` (from `from`, or from waiting). */
export interface Move {
  applicantId: string;
  group: string;
  from: string | null;
  to: string;
}

/**
 * Applies the releases, then offers each freed place to the best-ranked applicant who wants it more
 * than what they hold; their old place is freed in turn (cascade). Holdings only improve in a cascade
 * and every place goes to the best-ranked taker, so the result is stable — the same as assigning from
 * scratch on the changed preferences and capacities (tested). O(n·k) per call.
 */
export function reassignAfterRelease(state: AssignmentState, released: readonly Release[]): { state: AssignmentState; moves: Move[] } {
  const slots = state.slots.map((s) => ({ ...s }));
  const slotIndex = new Map(state.slotIndex);
  const start = state.start.slice();
  const count = state.count.slice();
  const held = state.held.slice();
  const freed: number[] = [];
  const takenList = Array.from(state.taken);
  for (const release of released) {
    if (release.kind === 'addPlaces') {
      if (!Number.isInteger(release.places) || release.places < 1) throw new Error('Places added must be a whole number ≥ 1');
      const slot = slotFor(slots, slotIndex, release.site, release.group);
      if (slot >= takenList.length) takenList.push(0);
      slots[slot]!.capacity += release.places;
      for (let p = 0; p < release.places; p += 1) freed.push(slot);
      continue;
    }
    const i = indexOfApplicant(state, release.applicantId);
    if (i === undefined) throw new Error(`Applicant ${release.applicantId} is not in the ranking`);
    const position = held[i]!;
    if (release.kind === 'settle') {
      // Only the place held stays wanted: they leave every waiting list.
      if (position >= 0) {
        start[i]! += position;
        count[i] = 1;
        held[i] = 0;
      }
      continue;
    }
    if (position >= 0) {
      const slot = state.pool[start[i]! + position]!;
      takenList[slot]! -= 1;
      freed.push(slot);
      held[i] = -1;
      count[i] = release.stayForBetter ? position : 0;
    } else if (!release.stayForBetter) {
      count[i] = 0;
    }
  }
  const taken = Int32Array.from(takenList);
  const next: AssignmentState = { ids: state.ids, slots, slotIndex, pool: state.pool, start, count, held, taken };

  // Who lists each freed slot, in rank order: built once per call, scanned from the top for each freed place.
  const listing = new Map<number, number[]>();
  for (const slot of freed) listing.set(slot, []);
  for (let i = 0; i < state.ids.length; i += 1) {
    for (let c = 0; c < count[i]!; c += 1) listing.get(state.pool[start[i]! + c]!)?.push(i);
  }
  const moves: Move[] = [];
  for (let q = 0; q < freed.length; q += 1) {
    const slot = freed[q]!;
    if (taken[slot]! >= slots[slot]!.capacity) continue;
    const taker = listing.get(slot)!.find((i) => wants(next, i, slot));
    if (taker === undefined) continue;
    const before = held[taker]!;
    const from = before >= 0 ? state.pool[start[taker]! + before]! : -1;
    if (from >= 0) {
      taken[from]! -= 1;
      freed.push(from);
      // The cascade frees the mover's old place: it needs its own list of who wants it.
      if (!listing.has(from)) {
        const list: number[] = [];
        for (let i = 0; i < state.ids.length; i += 1) if (positionOf(next, i, from) >= 0) list.push(i);
        listing.set(from, list);
      }
    }
    held[taker] = positionOf(next, taker, slot);
    taken[slot]! += 1;
    moves.push({ applicantId: state.ids[taker]!, group: slots[slot]!.group, from: from >= 0 ? slots[from]!.site : null, to: slots[slot]!.site });
  }
  return { state: next, moves };
}
