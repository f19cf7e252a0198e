"""mkdocs-blog-tags: a theme-agnostic blog for MkDocs and ProperDocs."""

__version__ = "0.2.0"
