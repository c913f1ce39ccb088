"""Constraint conditions shared by the register's dated records."""

from django.db.models import F, Q

# An open-ended period (either date unknown) is allowed; a known end never precedes a known start.
ENDS_AFTER_START = Q(end_date__isnull=True) | Q(start_date__isnull=True) | Q(end_date__gte=F("start_date"))
