"""Calendar pages (year, month, agenda)."""
