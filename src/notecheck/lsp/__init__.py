"""notecheck's language server: findings in the editor as you type, with quick fixes,
"suppress here" and an explanation of each rule on hover. ``notecheck lsp`` starts it on
standard input and output; docs/editors.md says how to set up each editor.

Built with pygls and lsprotocol (the ``lsp`` extra: pip install 'notecheck[lsp]')."""

from notecheck.lsp.server import NotecheckServer, serve

__all__ = ["NotecheckServer", "serve"]
