from trustbrief.cli import main

raise SystemExit(main())
