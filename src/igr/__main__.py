import sys

from igr.cli import main

sys.exit(main())
