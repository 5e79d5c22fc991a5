// Reads iCalendar files with Mozilla's ical.js (npm) and prints what it understood,
// as JSON: [{path, events, calname, caldesc, summaries, error}].
import { readFileSync } from "node:fs";
import ICAL from "ical.js";

const results = process.argv.slice(2).map((path) => {
  try {
    const calendar = new ICAL.Component(ICAL.parse(readFileSync(path, "utf8")));
    const events = calendar.getAllSubcomponents("vevent").map((v) => new ICAL.Event(v));
    return {
      path,
      events: events.length,
      calname: calendar.getFirstPropertyValue("x-wr-calname"),
      name: calendar.getFirstPropertyValue("name"),
      caldesc: calendar.getFirstPropertyValue("x-wr-caldesc"),
      summaries: events.map((e) => e.summary),
      timedWithoutEnd: events.filter(
        (e) => !e.startDate.isDate && !e.component.hasProperty("dtend") &&
          !e.component.hasProperty("duration"),
      ).length,
    };
  } catch (error) {
    return { path, error: String(error) };
  }
});
console.log(JSON.stringify(results));
