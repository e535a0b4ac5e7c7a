import sys

from cxmapper.cli import main

sys.exit(main())
