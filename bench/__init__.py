"""`make bench`: Parcours at 5,000 employees side by side with a bare-Flask baseline."""
