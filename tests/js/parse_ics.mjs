// Parse an iCalendar file with Mozilla's ical.js, registering ONLY the file's own
// VTIMEZONEs (as Thunderbird does for a subscribed feed), and print each event as
// JSON with its instants in UTC. Exit code 1 (message on stderr) on any error.
// Usage: node parse_ics.mjs < feed.ics
import { readFileSync } from "node:fs";
import ICAL from "ical.js";

const text = readFileSync(0, "utf8");
const root = new ICAL.Component(ICAL.parse(text));
ICAL.TimezoneService.reset();
for (const vtimezone of root.getAllSubcomponents("vtimezone")) {
  ICAL.TimezoneService.register(new ICAL.Timezone(vtimezone));
}

function instant(time) {
  if (!time) return null;
  return new Date(time.toUnixTime() * 1000).toISOString();
}

const events = root.getAllSubcomponents("vevent").map((vevent) => {
  const event = new ICAL.Event(vevent);
  const tzid = event.startDate && event.startDate.zone ? event.startDate.zone.tzid : null;
  return {
    uid: event.uid,
    summary: event.summary,
    sequence: event.sequence,
    allDay: event.startDate.isDate,
    start: event.startDate.isDate ? event.startDate.toString() : instant(event.startDate),
    end: event.endDate.isDate ? event.endDate.toString() : instant(event.endDate),
    tzid,
  };
});
process.stdout.write(
  JSON.stringify({
    name: root.getFirstPropertyValue("x-wr-calname"),
    method: root.getFirstPropertyValue("method"),
    timezones: root.getAllSubcomponents("vtimezone").length,
    events,
  }),
);
