"""Feed management pages and the public `/ical/<token>.ics` route."""
