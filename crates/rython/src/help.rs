//! The text of `rython -h` (written for Rython; the options mirror
//! CPython's).

pub const HELP: &str = "\
Options (and matching environment variables):
-b     : warn when bytes/bytearray are compared with str (-bb: raise)
-B     : never write .pyc files; also PYTHONDONTWRITEBYTECODE=x
-c cmd : run the program given as a string (ends the option list)
-E     : ignore PYTHON* environment variables such as PYTHONPATH
-h     : show this help and exit (also -? or --help)
-i     : inspect interactively after running the script
-I     : isolate from the user's environment (implies -E, -P and -s)
-m mod : run a library module as a script (ends the option list)
-O     : remove assert statements and __debug__-guarded code
-OO    : as -O, and also drop docstrings
-P     : do not prepend a possibly unsafe path to sys.path
-q     : do not print version and copyright messages in interactive mode
-s     : do not add the user site directory to sys.path
-S     : do not import the site module at start-up
-u     : unbuffered binary stdout and stderr; also PYTHONUNBUFFERED=x
-v     : verbose import tracing (repeat for more)
-V     : print the Python version number and exit (also --version)
-W arg : warning control
-x     : skip the first line of the source
-X opt : implementation-specific option
--check-hash-based-pycs always|default|never: accepted for compatibility
file   : program read from a script file
-      : program read from stdin (the default when stdin is not a terminal)
arg ...: arguments passed to the program in sys.argv[1:]
";
