import type { Db } from '../../platform/db/database.ts';
import type { HouseholdAddress, HouseholdAddressInput } from './households.schemas.ts';
import '../territories/territories.tables.ts';

/** The household's address columns, selected wherever a household is shown. */
export const addressColumns = ['h.address', 'h.postal_code', 'h.address_municipality_code'] as const;

interface AddressRow {
  address: string | null;
  postal_code: string | null;
  address_municipality_code: string | null;
}

/** Names of the given municipalities, by ISTAT code. */
export async function municipalityNames(db: Db, codes: (string | null)[]): Promise<Map<string, string>> {
  const wanted = [...new Set(codes.filter((code): code is string => code !== null))];
  if (wanted.length === 0) return new Map();
  const rows = await db.selectFrom('municipality').select(['istat_code', 'name']).where('istat_code', 'in', wanted).execute();
  return new Map(rows.map((row) => [row.istat_code, row.name]));
}

export function toAddress(row: AddressRow, names: Map<string, string>): HouseholdAddress | null {
  if (!row.address) return null;
  const code = row.address_municipality_code;
  return { address: row.address, postalCode: row.postal_code, municipalityCode: code, municipalityName: code ? (names.get(code) ?? code) : null };
}

export async function addressOf(db: Db, row: AddressRow): Promise<HouseholdAddress | null> {
  return toAddress(row, await municipalityNames(db, [row.address_municipality_code]));
}

export function toAddressColumns(input: HouseholdAddressInput | null) {
  return {
    address: input?.address ?? null,
    postal_code: input?.postalCode ?? null,
    address_municipality_code: input?.municipalityCode ?? null,
  };
}
