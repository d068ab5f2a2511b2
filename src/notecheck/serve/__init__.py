"""``notecheck serve``: check a note in the browser, from LanguageTool clients, or through
notecheck's own JSON API, on this computer. See docs/serve.md."""

from notecheck.serve.app import Engine, create_app, serve

__all__ = ["Engine", "create_app", "serve"]
