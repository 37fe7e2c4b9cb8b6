// Tiles only when an instance configures them (VITE_MAP_TILE_URL at build time): by default every map draws the
// basemap shipped with the app (./basemap/grand-est.json) and loads nothing from outside the machine.
export const TILE_URL: string | undefined = import.meta.env.VITE_MAP_TILE_URL || undefined;
export const TILE_ATTRIBUTION: string = import.meta.env.VITE_MAP_TILE_ATTRIBUTION ?? '';
