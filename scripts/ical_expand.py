"""Expands an iCalendar feed (standard input) between two days; see scripts/ical-expand."""
import datetime
import json
import sys
import zoneinfo

import icalendar
import recurring_ical_events

zone = zoneinfo.ZoneInfo("Europe/Amsterdam")
calendar = icalendar.Calendar.from_ical(sys.stdin.buffer.read())
start = datetime.date.fromisoformat(sys.argv[1])
end = datetime.date.fromisoformat(sys.argv[2])
for event in recurring_ical_events.of(calendar).between(start, end):
    print(json.dumps({
        "uid": str(event["UID"]),
        "start": event["DTSTART"].dt.astimezone(zone).strftime("%Y-%m-%d %H:%M"),
        "end": event["DTEND"].dt.astimezone(zone).strftime("%Y-%m-%d %H:%M"),
        "utc": event["DTSTART"].dt.astimezone(datetime.timezone.utc).strftime("%H:%M"),
        "sequence": int(event.get("SEQUENCE", 0)),
        "status": str(event.get("STATUS", "")),
        "summary": str(event["SUMMARY"]),
        "alarms": len(event.subcomponents),
    }))
