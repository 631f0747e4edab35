import os
import sys

# Tests import the package from this source tree; the library comes from
# SOCIALKPI_LIBRARY (set by ctest) or the usual search.
sys.path.insert(0, os.path.dirname(os.path.dirname(os.path.abspath(__file__))))
