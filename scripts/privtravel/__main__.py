from privtravel.cli import main

raise SystemExit(main())
