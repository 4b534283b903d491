"""Use cases as plain functions over a Project: import a document, keep its quotations, add a statement,
compare, annotate, merge a dossier, export. The command line, the app's windows and its undo commands all
call these; none of them writes SQL (only counterpoint.store does)."""
