/**
 * German commercial-register announcements (Registerbekanntmachungen, RegisSTAR format: one
 * HTML page per announcement with court, file number, date, kind — Neueintragungen,
 * Veränderungen, Löschungen — and the register text). The joint register portal offers no
 * machine interface and its terms of use forbid more than 60 retrievals an hour, so Bonitor
 * reads announcements only from the URL template the user configures (a licensed export or a
 * mirror), one request a minute by default.
 */
export interface DeAnnouncement {
  court: string;
  fileNumber: string; // "HRB 731772"
  publishedOn?: string; // YYYY-MM-DD
  kind: string; // "Neueintragungen", "Veränderungen", "Löschungen"
  text: string;
}

export const announcementDay = (dmy: string) => {
  const m = /(\d{2})\.(\d{2})\.(\d{4})/.exec(dmy);
  return m ? `${m[3]}-${m[2]}-${m[1]}` : undefined;
};
