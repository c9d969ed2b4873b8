from sencodesk.app import main

raise SystemExit(main())
