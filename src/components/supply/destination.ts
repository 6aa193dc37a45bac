/** Where a trip goes, for a reader: the hospital, or a distributor's depot (tranche trips only). */
export function destinationName(d: { hospital: { name: string } | null; depot: { name: string } | null }, toDepot: (name: string) => string): string {
  if (d.hospital) return d.hospital.name;
  return d.depot ? toDepot(d.depot.name) : "—";
}
