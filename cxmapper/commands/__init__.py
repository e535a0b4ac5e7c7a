"""CLI sub-commands: each module has `register(subparsers)` which adds a parser whose
`func` default is `run(args) -> int`. Raise `cxmapper.errors.CxError` for user mistakes."""
