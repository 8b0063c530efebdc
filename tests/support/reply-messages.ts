// Reply messages shaped after captured ones from Outlook desktop/web/Outlook.com (Exchange), Google Calendar and
// Apple Calendar, plain answers and auto-replies: used by the processor's tests and the real-server transport tests.
export const crlf = (s: string) => s.replace(/\r?\n/g, "\r\n");
export const b64 = (s: string) => Buffer.from(crlf(s)).toString("base64").replace(/.{76}/g, "$&\r\n");

const GMT_STANDARD_TIME = `BEGIN:VTIMEZONE
TZID:GMT Standard Time
BEGIN:STANDARD
DTSTART:16010101T020000
TZOFFSETFROM:+0100
TZOFFSETTO:+0000
RRULE:FREQ=YEARLY;INTERVAL=1;BYDAY=-1SU;BYMONTH=10
END:STANDARD
BEGIN:DAYLIGHT
DTSTART:16010101T010000
TZOFFSETFROM:+0000
TZOFFSETTO:+0100
RRULE:FREQ=YEARLY;INTERVAL=1;BYDAY=-1SU;BYMONTH=3
END:DAYLIGHT
END:VTIMEZONE`;

export type Reply = {
  to: string;
  uid: string;
  attendee: string;
  partstat?: string;
  sequence?: number | null;
  organizer?: boolean;
  method?: "REPLY" | "COUNTER";
  comment?: string;
  start?: string;
  end?: string;
};

export function vcalendar(r: Reply, prodId: string, zone = "GMT Standard Time") {
  const method = r.method ?? "REPLY";
  return [
    "BEGIN:VCALENDAR",
    `PRODID:${prodId}`,
    "VERSION:2.0",
    `METHOD:${method}`,
    ...(zone === "GMT Standard Time" ? [GMT_STANDARD_TIME] : []),
    "BEGIN:VEVENT",
    ...(r.organizer === false ? [] : [`ORGANIZER;CN=Northfield Borough Council:mailto:${r.to}`]),
    `ATTENDEE;PARTSTAT=${r.partstat ?? (method === "COUNTER" ? "NEEDS-ACTION" : "ACCEPTED")};CN=Alison Reid:mailto:${r.attendee}`,
    ...(r.comment ? [`COMMENT;LANGUAGE=en-GB:${r.comment}`] : []),
    `DTSTART;TZID=${zone}:${r.start ?? "20260327T093000"}`,
    `DTEND;TZID=${zone}:${r.end ?? "20260327T110000"}`,
    `UID:${r.uid}`,
    ...(r.sequence === null ? [] : [`SEQUENCE:${r.sequence ?? 0}`]),
    "DTSTAMP:20260302T101500Z",
    "SUMMARY;LANGUAGE=en-GB:Accepted: Somebody's Daughter at Ashgrove School",
    "END:VEVENT",
    "END:VCALENDAR",
  ].join("\n");
}

/** Outlook desktop / Exchange: multipart/alternative, text/calendar; method=REPLY in base64, Windows zone names. */
export function outlookReply(r: Reply, subjectPrefix = "Accepted") {
  const method = r.method ?? "REPLY";
  return Buffer.from(
    crlf(`Received: from AM0PR01MB1234.eurprd01.prod.exchangelabs.com (2603:10a6:208:1::1) by mx.replies.outreach.test
From: Alison Reid <${r.attendee}>
To: Northfield Borough Council <${r.to}>
Subject: ${subjectPrefix}: Somebody's Daughter at Ashgrove School, Friday 27 March 2026, 9:30am
Thread-Topic: Somebody's Daughter at Ashgrove School
Date: Mon, 2 Mar 2026 10:15:00 +0000
Message-ID: <AM0PR01MB1234${Math.random().toString(36).slice(2)}@AM0PR01MB1234.eurprd01.prod.exchangelabs.com>
Content-Language: en-GB
X-MS-Has-Attach:
X-MS-TNEF-Correlator:
MIME-Version: 1.0
Content-Type: multipart/alternative; boundary="_000_AM0PR01MB1234_"

--_000_AM0PR01MB1234_
Content-Type: text/plain; charset="us-ascii"
Content-Transfer-Encoding: quoted-printable

${r.comment ?? ""}

--_000_AM0PR01MB1234_
Content-Type: text/calendar; charset="utf-8"; method=${method}
Content-Transfer-Encoding: base64

${b64(vcalendar(r, "Microsoft Exchange Server 2010"))}

--_000_AM0PR01MB1234_--
`),
  );
}

/** Google Calendar: text/calendar inline and the same as an invite.ics attachment (application/ics), UTC times. */
export function googleReply(r: Reply) {
  const ics = vcalendar({ ...r, start: "20260327T093000Z", end: "20260327T110000Z" }, "-//Google Inc//Google Calendar 70.9054//EN", "");
  const fixed = ics.replace(/;TZID=:/g, ":");
  return Buffer.from(
    crlf(`From: Alison Reid <${r.attendee}>
To: ${r.to}
Subject: Declined: Somebody's Daughter at Ashgrove School @ Fri 27 Mar 2026 09:30 - 11:00 (GMT)
Date: Mon, 02 Mar 2026 10:15:00 +0000
Message-ID: <000000000000g00gle${Math.random().toString(36).slice(2)}@google.com>
Reply-To: Alison Reid <${r.attendee}>
MIME-Version: 1.0
Content-Type: multipart/mixed; boundary="000000000000mixed"

--000000000000mixed
Content-Type: multipart/alternative; boundary="000000000000alt"

--000000000000alt
Content-Type: text/plain; charset="UTF-8"; format=flowed; delsp=yes

Alison Reid has declined this invitation.

--000000000000alt
Content-Type: text/calendar; charset="UTF-8"; method=REPLY
Content-Transfer-Encoding: 7bit

${fixed}
--000000000000alt--

--000000000000mixed
Content-Type: application/ics; name="invite.ics"
Content-Disposition: attachment; filename="invite.ics"
Content-Transfer-Encoding: base64

${b64(fixed)}
--000000000000mixed--
`),
  );
}

/** Quoted-printable (RFC 2045): "=" escaped, lines softly broken before 76 characters. */
const qp = (s: string) =>
  crlf(s)
    .split("\r\n")
    .map((line) => line.replace(/=/g, "=3D").replace(/(.{72})(?=.)/g, "$1=\r\n"))
    .join("\r\n");

/** Apple Calendar: multipart/mixed with the reply as a text/calendar attachment, quoted-printable. */
export function appleReply(r: Reply) {
  const ics = vcalendar({ ...r, start: "20260327T093000", end: "20260327T110000" }, "-//Apple Inc.//macOS 14.4//EN", "Europe/London");
  return Buffer.from(
    crlf(`From: Alison Reid <${r.attendee}>
To: ${r.to}
Subject: Invitation: Somebody's Daughter at Ashgrove School (Accepted)
Date: Mon, 2 Mar 2026 10:15:00 +0000
Message-Id: <A1B2C3D4-${Math.random().toString(36).slice(2)}@icloud.com>
Mime-Version: 1.0 (Mac OS X Mail 16.0)
Content-Type: multipart/mixed; boundary="Apple-Mail=_1"

--Apple-Mail=_1
Content-Transfer-Encoding: 7bit
Content-Type: text/plain; charset=us-ascii



--Apple-Mail=_1
Content-Disposition: attachment; filename=iCal-20260302-101500.ics
Content-Type: text/calendar; name=iCal-20260302-101500.ics; method=REPLY; charset=utf-8
Content-Transfer-Encoding: quoted-printable

${qp(ics)}
--Apple-Mail=_1--
`),
  );
}

export function plainEmail(input: { to: string; from: string; subject: string; body: string; headers?: string[] }) {
  return Buffer.from(
    crlf(
      [
        `From: ${input.from}`,
        `To: ${input.to}`,
        `Subject: ${input.subject}`,
        "Date: Mon, 2 Mar 2026 10:15:00 +0000",
        `Message-ID: <${Math.random().toString(36).slice(2)}@ashgrove.sch.uk>`,
        ...(input.headers ?? []),
        "MIME-Version: 1.0",
        "Content-Type: text/plain; charset=utf-8",
        "",
        input.body,
        "",
      ].join("\n"),
    ),
  );
}
