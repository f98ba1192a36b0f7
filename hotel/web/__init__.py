"""What guest, desk and API pages share: forms, errors, sessions, CSV and charts."""
