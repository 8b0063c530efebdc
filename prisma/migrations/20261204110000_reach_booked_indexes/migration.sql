-- The booked figures from indexes alone (docs/decisions/030-trained-days.md): sessions and pupils booked from the
-- reach index, which now holds expectedPupils; people booked from the few expected register entries first, then their
-- sessions, instead of a register lookup for every session booked.
DROP INDEX "RegisterEntry_sessionId_status_personId_idx";
DROP INDEX "Session_status_startsAt_venueId_pupilsY10_programmeId_id_idx";
CREATE INDEX "RegisterEntry_status_sessionId_personId_idx" ON "RegisterEntry"("status", "sessionId", "personId");
CREATE INDEX "Session_reach_idx" ON "Session"("status", "startsAt", "venueId", "pupilsY10", "programmeId", "id", "expectedPupils");
