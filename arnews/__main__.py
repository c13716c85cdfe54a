"""``python -m arnews`` runs the command line."""

from arnews.cli import main

raise SystemExit(main())
