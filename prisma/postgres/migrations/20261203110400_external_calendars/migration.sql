-- CreateTable
CREATE TABLE "ExternalCalendar" (
    "id" TEXT NOT NULL,
    "teamId" TEXT,
    "venueId" TEXT,
    "label" TEXT NOT NULL,
    "urlEncrypted" TEXT NOT NULL,
    "urlHost" TEXT NOT NULL,
    "etag" TEXT,
    "lastModified" TEXT,
    "lastFetchedAt" TIMESTAMP(3),
    "lastSuccessAt" TIMESTAMP(3),
    "lastError" TEXT,
    "createdAt" TIMESTAMP(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,

    CONSTRAINT "ExternalCalendar_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "BusyInterval" (
    "id" TEXT NOT NULL,
    "calendarId" TEXT NOT NULL,
    "teamId" TEXT,
    "venueId" TEXT,
    "startsAt" TIMESTAMP(3) NOT NULL,
    "endsAt" TIMESTAMP(3) NOT NULL,
    "allDay" BOOLEAN NOT NULL DEFAULT false,

    CONSTRAINT "BusyInterval_pkey" PRIMARY KEY ("id")
);

-- CreateIndex
CREATE INDEX "ExternalCalendar_teamId_idx" ON "ExternalCalendar"("teamId");

-- CreateIndex
CREATE INDEX "ExternalCalendar_venueId_idx" ON "ExternalCalendar"("venueId");

-- CreateIndex
CREATE INDEX "BusyInterval_calendarId_idx" ON "BusyInterval"("calendarId");

-- CreateIndex
CREATE INDEX "BusyInterval_teamId_startsAt_idx" ON "BusyInterval"("teamId", "startsAt");

-- CreateIndex
CREATE INDEX "BusyInterval_venueId_startsAt_idx" ON "BusyInterval"("venueId", "startsAt");

-- AddForeignKey
ALTER TABLE "ExternalCalendar" ADD CONSTRAINT "ExternalCalendar_teamId_fkey" FOREIGN KEY ("teamId") REFERENCES "Team"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "ExternalCalendar" ADD CONSTRAINT "ExternalCalendar_venueId_fkey" FOREIGN KEY ("venueId") REFERENCES "Venue"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "BusyInterval" ADD CONSTRAINT "BusyInterval_calendarId_fkey" FOREIGN KEY ("calendarId") REFERENCES "ExternalCalendar"("id") ON DELETE CASCADE ON UPDATE CASCADE;

