"""Subcommands of the `counterpoint` command line, one module per group; each has register(subparsers)."""
