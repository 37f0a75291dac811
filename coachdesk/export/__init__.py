"""PDF programs and e-mail drafts (ReportLab and the email package; no Qt, no database)."""
