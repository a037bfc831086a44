import { create } from 'zustand';

/** Which city's list of projects with no known site is open (null: none). */
export const useSiteUnknown = create<{ city: string | null }>(() => ({ city: null }));

export function openSiteUnknown(city: string | null): void {
  useSiteUnknown.setState({ city });
}
