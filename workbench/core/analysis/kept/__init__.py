"""A command's output kept by writers, served only for the inputs it was made from.

`workbench summary` at 100,000 annotations computes for seconds; what it prints is a
function of its inputs alone, so writers keep the printed bytes (a materialised result)
and the read-only command serves them when every input is the same. code.py: the code
and runtime that compute it; key.py: the key over every input; output.py: what is kept
(standard error, standard output, exit status) and its codec.
"""
