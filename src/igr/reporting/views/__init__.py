"""Officials' screens (signed in, by role), the deadline calendar feed, and published files for everyone."""
