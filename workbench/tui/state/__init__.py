"""What the screens show and change, without widgets: the Workspace and the view-models."""
