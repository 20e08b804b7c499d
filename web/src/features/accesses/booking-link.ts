/** The booking page of the appointments feature, prefilled for the first interview of a referral (a URL contract, no import). */
export function firstInterviewPath(personId: string, intakeItemId: string, accessId: string): string {
  const query = new URLSearchParams({ personId, intakeItemId, accessId });
  return `/appointments/new?${query.toString()}`;
}
