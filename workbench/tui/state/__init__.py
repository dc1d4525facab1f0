"""What the screens show and change, without widgets: the Workspace and the view-models.

Plain Python over the store and the corpus (a table cell may be a Textual `Content`, a
value), so each runs in a worker thread and is tested without an app.
"""
