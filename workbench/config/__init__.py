"""Every file of the user's, where it lives and how it is read: one home per file.

- locations.py: where each file is (the XDG folders; an environment variable or a
  flag may name another), the database path among them;
- annotator.py: who is annotating (flag, environment, login name);
- settings.py: settings.toml, the thresholds ([ledger], [anchoring]);
- keymap.py: keymap.toml as read (its entries and their lines; tui/keymap.py checks
  them against Textual's key names and bindings);
- state.py: state.json, what is remembered between runs (the last export folder);
- toml_file.py: reading a TOML file of the user's, and ConfigFileError.
- user_files.py: a report or export is never written over one of these files.

Pure Python, like core: it never imports Textual, TinyDB or the store.
"""
